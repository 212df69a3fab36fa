import { randomUUID } from 'node:crypto';
import type { EventToAppend } from '@tlc/event-store';
import { SCHEMA_VERSIONS, subdomainStream } from '@tlc/tenant-events';
import { BACKENDS, auth, idem, signupBody, startHarness, type Harness } from '../test-support/app-harness.js';
import { sealDrafts } from '../shared/command-handler.js';

describe.each(BACKENDS)('reservations on %s', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(backend, { RATE_LIMIT_CHECKS_PER_MINUTE: '3' });
  });
  afterAll(async () => {
    await h?.close();
  });

  /** A reservation whose signup crashed before its tenant stream was written. */
  async function orphan(subdomain: string, reservedAt: string) {
    const meta = { commandId: randomUUID(), correlationId: 'crashed', causationId: 'crashed', actor: { kind: 'system' as const, id: 't' }, now: reservedAt };
    const tenantId = randomUUID();
    await h.store.append(
      subdomainStream(subdomain),
      sealDrafts([{ type: 'SubdomainReserved' as const, data: { tenantId, subdomain } }], meta, undefined, (t) => SCHEMA_VERSIONS[t]) as unknown as EventToAppend[],
      'no_stream',
    );
  }
  const signup = (subdomain: string) => h.inject({ method: 'POST', url: '/v1/tenants', headers: { ...auth, ...idem() }, payload: { ...signupBody(), subdomain } });

  it('recovers a reservation whose tenant never came to exist, once the grace period is over', async () => {
    const name = `orphan-${Date.now().toString(36)}`;
    await orphan(name, new Date(Date.now() - 5 * 60_000).toISOString());
    const r = await signup(name);
    expect(r.statusCode).toBe(202);
    const events = await h.store.readStream(subdomainStream(name));
    expect(events.map((e) => e.type)).toEqual(['SubdomainReserved', 'SubdomainReleased', 'SubdomainReserved']);
    expect((events[2].data as { tenantId: string }).tenantId).toBe(r.json().tenantId);
  });

  it('keeps a fresh reservation: its signup may still be recording', async () => {
    const name = `fresh-${Date.now().toString(36)}`;
    await orphan(name, new Date().toISOString());
    expect((await signup(name)).json().code).toBe('TENANT.SUBDOMAIN_TAKEN');
  });

  it('rate-limits the availability check per client with 429 and Retry-After', async () => {
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await h.inject({ method: 'GET', url: '/v1/subdomains/some-name', headers: auth }));
    expect(answers.slice(0, 3).map((a) => a.statusCode)).toEqual([200, 200, 200]);
    expect(answers[3].statusCode).toBe(429);
    expect(answers[3].json().code).toBe('REQUEST.RATE_LIMITED');
    expect(Number(answers[3].headers['retry-after'])).toBeGreaterThan(0);
    expect(answers[3].headers['content-type']).toMatch(/problem\+json/);
  });
});
