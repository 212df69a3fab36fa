/**
 * Finding 9: an export carries no password hash, sealed secret or (once deprovisioned) email
 * unless asked for, says what it left out, and redaction never changes what the chain covers.
 */
import type { RecordedEvent } from '@tlc/event-store';
import { computeHash, verifyChain } from '@tlc/tenant-events';
import { sampleHistory } from '@tlc/tenant-lookup';
import { buildExport } from './export.js';
import { REDACTED, redactEvents } from './redact.js';

const recorded = (i: number): RecordedEvent[] =>
  sampleHistory(i).events.map((e, n) => ({
    streamId: 's',
    eventId: e.metadata.eventId,
    type: e.type,
    data: e.data,
    metadata: e.metadata as unknown as Record<string, unknown>,
    revision: n,
    position: n + 1,
    recordedAt: e.metadata.occurredAt,
  }));
const ACTIVE = 1;
const DEPROVISIONED = 8;
const NONE = { includeSecrets: false, includePersonalData: false };
const ALL = { includeSecrets: true, includePersonalData: true };

describe('tenantctl export redaction', () => {
  it('replaces the scrypt hash and every sealed secret of an active tenant, and keeps its email', () => {
    const events = recorded(ACTIVE);
    const doc = buildExport('t', 's', events, 'test', new Date(0));
    const text = JSON.stringify(doc.events);
    expect(text).not.toMatch(/\$scrypt\$|ciphertext/);
    expect(text).toContain('admin1@example.com');
    const signup = doc.events[0].data as Record<string, unknown>;
    expect(signup).toMatchObject({ adminPasswordHash: REDACTED, adminPassword: REDACTED, organization: 'Org 1' });
    expect(doc.redaction.applied).toBe(true);
    expect(doc.redaction.personalDataIncluded).toMatch(/not applicable/);
    expect(doc.redaction.fields).toEqual(
      expect.arrayContaining([
        { revision: 0, type: 'SignupRequested', path: 'data.adminPasswordHash', kind: 'password-hash' },
        { revision: 0, type: 'SignupRequested', path: 'data.adminPassword', kind: 'sealed-secret' },
        expect.objectContaining({ type: 'ApiKeysIssued', path: 'data.apiSecret', kind: 'sealed-secret' }),
      ]),
    );
    // The public API key half stays: it names the key, it does not open it.
    expect(JSON.stringify(doc.events.find((e) => e.type === 'ApiKeysIssued'))).toMatch(/"apiKey":"[0-9a-f-]{15}"/);
  });

  it('also hides the email and the signing-up person of a deprovisioned tenant, operators and the system stay', () => {
    const doc = buildExport('t', 's', recorded(DEPROVISIONED), 'test', new Date(0));
    const text = JSON.stringify(doc);
    expect(text).not.toMatch(/admin8@example\.com|Admin8@Example/i);
    expect(doc.stateNow.adminEmail).toBe(REDACTED);
    expect(doc.events[0].metadata.actor).toEqual({ kind: 'user', id: REDACTED });
    expect(doc.events[1].metadata.actor).toEqual({ kind: 'system', id: 'process-manager' });
    expect(doc.redaction.fields.filter((f) => f.kind === 'personal-data').map((f) => `${f.type} ${f.path}`)).toEqual([
      'SignupRequested data.adminEmail',
      'SignupRequested metadata.actor.id',
      'AdminConfigured data.email',
    ]);
  });

  it('keeps the chain check on the stored events and the links intact in the output', () => {
    const events = recorded(DEPROVISIONED);
    const doc = buildExport('t', 's', events, 'test', new Date(0));
    expect(doc.hashChain.ok).toBe(true);
    doc.events.forEach((e, n) => expect(e.metadata.hash).toBe(events[n].metadata.hash));
    // Events without a redacted field can still be re-hashed from the file alone.
    const redactedRevisions = new Set(doc.redaction.fields.map((f) => f.revision));
    for (const e of doc.events.filter((x) => !redactedRevisions.has(x.revision))) {
      const { hash, ...rest } = e.metadata as { hash: string } & Record<string, unknown>;
      expect(computeHash(e.type, e.data, rest as never)).toBe(hash);
    }
    expect(doc.redaction.note).toContain('cannot be re-hashed');
  });

  it('gives the stored form, every hash recomputable, when both opt-ins are given', () => {
    const events = recorded(DEPROVISIONED);
    const doc = buildExport('t', 's', events, 'test', new Date(0), ALL);
    expect(doc.redaction).toMatchObject({ applied: false, fields: [], secretsIncluded: true, personalDataIncluded: true });
    expect(JSON.stringify(doc.events)).toMatch(/\$scrypt\$/);
    expect(verifyChain(doc.events as never)).toEqual([]);
  });

  it('never changes the events it is given', () => {
    const events = recorded(DEPROVISIONED);
    const before = JSON.stringify(events);
    redactEvents(events, NONE);
    expect(JSON.stringify(events)).toBe(before);
  });

  it('redacts secret-named fields of event shapes it does not know yet', () => {
    const e = { ...recorded(ACTIVE)[0], type: 'FutureEvent', data: { nested: [{ smtpPassword: 'p' }], sessionToken: 't', note: 'kept' } };
    const r = redactEvents([e], NONE);
    expect(r.events[0].data).toEqual({ nested: [{ smtpPassword: REDACTED }], sessionToken: REDACTED, note: 'kept' });
    expect(r.fields.map((f) => f.path)).toEqual(['data.nested.0.smtpPassword', 'data.sessionToken']);
  });
});
