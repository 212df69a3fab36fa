import { SCHEMA_VERSIONS, type SignupRequested } from './events.js';
import { UPCASTERS, UnknownEventTypeError, upcast, type RawEvent, type UpcasterRegistry } from './upcasting.js';

const metadata = (schemaVersion?: number) => ({
  eventId: 'e1',
  correlationId: 'c1',
  causationId: 'c1',
  actor: { kind: 'system', id: 'test' },
  occurredAt: '2026-11-27T09:00:00.000Z',
  prevHash: '0'.repeat(64),
  hash: 'a'.repeat(64),
  ...(schemaVersion === undefined ? {} : { schemaVersion }),
});
const v1Signup = (extra: Record<string, unknown> = {}): RawEvent => ({
  type: 'SignupRequested',
  data: { tenantId: 't1', organization: 'Acme', subdomain: 'acme', siteName: 'acme.example.com', adminEmail: 'a@acme.test', ...extra },
  metadata: metadata(1),
});

describe('upcast', () => {
  it('lifts a v1 SignupRequested: erpnext as the app, password sign-in', () => {
    const e = upcast<SignupRequested>(v1Signup());
    expect(e.type).toBe('SignupRequested');
    expect(e.data).toEqual({
      tenantId: 't1',
      organization: 'Acme',
      subdomain: 'acme',
      siteName: 'acme.example.com',
      adminEmail: 'a@acme.test',
      apps: ['erpnext'],
      identityProvider: 'password',
      emailVerification: 'not-required',
    });
  });

  it('keeps values a v1 event already had, and does not mutate the stored event', () => {
    const raw = v1Signup({ apps: ['hrms'] });
    const before = structuredClone(raw);
    const e = upcast<SignupRequested>(raw);
    expect(e.data.apps).toEqual(['hrms']);
    expect(raw).toEqual(before);
  });

  it('treats missing schemaVersion as version 1', () => {
    const e = upcast<SignupRequested>({ ...v1Signup(), metadata: metadata() });
    expect(e.data.identityProvider).toBe('password');
  });

  it('keeps metadata as stored (the hash chain covers the stored form)', () => {
    const raw = v1Signup();
    expect(upcast(raw).metadata).toBe(raw.metadata);
  });

  it('passes current-version events through unchanged', () => {
    const data = { tenantId: 't1', organization: 'A', subdomain: 'acme', siteName: 's', adminEmail: 'x@y.z', apps: [], identityProvider: 'google' };
    const current = { type: 'SignupRequested', data, metadata: metadata(SCHEMA_VERSIONS.SignupRequested) };
    expect(upcast(current).data).toBe(data);
    const step = { type: 'AppInstalled', data: { tenantId: 't1', app: 'hrms', durationMs: 3 }, metadata: metadata(1) };
    expect(upcast(step)).toEqual(step);
  });

  it('throws UnknownEventTypeError for a type outside the catalogue, including inherited object names', () => {
    for (const type of ['TenantExploded', '', 'constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      let caught: unknown;
      try {
        upcast({ type, data: {}, metadata: metadata(1) });
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(UnknownEventTypeError);
      expect(caught).toMatchObject({ eventType: type, name: 'UnknownEventTypeError', message: `Unknown event type "${type}"` });
    }
  });

  it('lifts a v2 SignupRequested: a Google signup proven by Google, a password signup from before verification not required', () => {
    const v2 = (identityProvider: string) => ({ ...v1Signup({ identityProvider, apps: ['erpnext'] }), metadata: metadata(2) });
    expect(upcast<SignupRequested>(v2('google')).data.emailVerification).toBe('proven-by-idp');
    expect(upcast<SignupRequested>(v2('password')).data.emailVerification).toBe('not-required');
  });

  it('says which step is missing when the registry has a hole', () => {
    expect(() => upcast(v1Signup(), {})).toThrow('No upcaster for SignupRequested from schema version 1 to 2');
    const versions = { ...SCHEMA_VERSIONS, SignupRequested: 5 };
    expect(() => upcast(v1Signup(), UPCASTERS, versions)).toThrow('No upcaster for SignupRequested from schema version 3 to 4');
  });

  it('applies a chain v1 -> v2 -> v3 in order, from the stored version', () => {
    const calls: string[] = [];
    const registry: UpcasterRegistry = {
      SignupRequested: {
        1: (d) => (calls.push('1->2'), { ...d, apps: ['erpnext'], trail: ['v2'] }),
        2: (d) => (calls.push('2->3'), { ...d, trail: [...(d.trail as string[]), 'v3'], plan: 'free' }),
      },
    };
    const versions = { ...SCHEMA_VERSIONS, SignupRequested: 3 };
    const fromV1 = upcast(v1Signup(), registry, versions);
    expect(calls).toEqual(['1->2', '2->3']);
    expect(fromV1.data).toMatchObject({ apps: ['erpnext'], trail: ['v2', 'v3'], plan: 'free' });

    calls.length = 0;
    const fromV2 = upcast({ ...v1Signup({ trail: ['stored-v2'] }), metadata: metadata(2) }, registry, versions);
    expect(calls).toEqual(['2->3']);
    expect(fromV2.data).toMatchObject({ trail: ['stored-v2', 'v3'] });
  });
});
