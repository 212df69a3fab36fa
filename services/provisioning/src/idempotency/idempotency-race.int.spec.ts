/**
 * Issue 15, finding 2: one Idempotency-Key, many racing requests. The key is claimed before any
 * work, so exactly one request does the work: other bodies get 422 without doing anything, the
 * same body gets the same answer (or 409 + Retry-After while the owner is still at it), and a
 * claim whose owner crashed does not hold the key forever.
 */
import { randomBytes } from 'node:crypto';
import { BACKENDS, auth, signupBody, startHarness, type Harness } from '../test-support/app-harness.js';
import { CLAIMED } from './idempotency-state.js';
import { IdempotencyService, idempotencyStream } from './idempotency.service.js';

const RACERS = 20;

describe.each(BACKENDS)('one Idempotency-Key, racing signups on %s', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(backend);
  });
  afterAll(async () => {
    await h?.close();
  });

  const key = () => ({ 'idempotency-key': `race-${randomBytes(8).toString('hex')}` });
  const post = (body: unknown, headers: Record<string, string>) => h.inject({ method: 'POST', url: '/v1/tenants', headers: { ...auth, ...headers }, payload: body });
  const since = async (position: number, type: string) => (await h.store.readAll({ fromPosition: position })).filter((e) => e.type === type);

  it(`${RACERS} different bodies under one key make exactly one tenant; the others get 422 and do nothing`, async () => {
    const start = await h.store.headPosition();
    const k = key();
    const bodies = Array.from({ length: RACERS }, () => signupBody());
    const answers = await Promise.all(bodies.map((b) => post(b, k)));
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses.filter((s) => s === 202)).toHaveLength(1);
    for (const a of answers.filter((x) => x.statusCode !== 202)) {
      expect(a.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(a.json().code).toBe('IDEMPOTENCY.KEY_REUSED');
    }
    const signups = await since(start, 'SignupRequested');
    expect(signups).toHaveLength(1);
    const winner = answers.find((a) => a.statusCode === 202)!.json();
    expect((signups[0].data as { tenantId: string }).tenantId).toBe(winner.tenantId);
    // No loser reserved a name either: the only reservations are the winner's.
    const reserved = (await h.store.readAll({ fromPosition: start })).filter((e) => /^(subdomain|admin-email)-/.test(e.streamId));
    expect(new Set(reserved.map((e) => (e.data as { tenantId?: string }).tenantId))).toEqual(new Set([winner.tenantId]));
  });

  it(`${RACERS} identical requests under one key all get the one tenant's answer`, async () => {
    const start = await h.store.headPosition();
    const k = key();
    const body = signupBody();
    const answers = await Promise.all(Array.from({ length: RACERS }, () => post(body, k)));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(RACERS).fill(202));
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(answers.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(RACERS - 1);
    expect(await since(start, 'SignupRequested')).toHaveLength(1);
  });

  it('while the owner works, the same body gets 409 IDEMPOTENCY.IN_PROGRESS with Retry-After; another body 422', async () => {
    const service = h.service.app.get(IdempotencyService);
    const saved = { ...service.timing };
    service.timing.waitMs = 200;
    try {
      const k = key();
      const body = signupBody();
      const fingerprint = service.fingerprint('POST /v1/tenants', { ...body, identityProvider: 'password' });
      // A live claim held by another instance that is still working.
      await h.store.append(
        idempotencyStream(k['idempotency-key']),
        [{ type: CLAIMED, data: { requestHash: fingerprint, leaseUntil: new Date(Date.now() + 60_000).toISOString() }, metadata: { eventId: crypto.randomUUID() } }],
        'no_stream',
      );
      const start = await h.store.headPosition();
      const busy = await post(body, k);
      expect(busy.statusCode).toBe(409);
      expect(busy.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(busy.headers['retry-after']).toBe('1');
      expect(busy.json()).toMatchObject({ code: 'IDEMPOTENCY.IN_PROGRESS', status: 409 });
      expect((await post(signupBody(), k)).json().code).toBe('IDEMPOTENCY.KEY_REUSED');
      expect(await h.store.headPosition()).toBe(start);
    } finally {
      service.timing = saved;
    }
  });

  it('a claim whose owner crashed (lease over) is taken over by the same body, and still refused to another', async () => {
    const service = h.service.app.get(IdempotencyService);
    const k = key();
    const body = signupBody();
    const fingerprint = service.fingerprint('POST /v1/tenants', { ...body, identityProvider: 'password' });
    await h.store.append(
      idempotencyStream(k['idempotency-key']),
      [{ type: CLAIMED, data: { requestHash: fingerprint, leaseUntil: new Date(Date.now() - 1000).toISOString() }, metadata: { eventId: crypto.randomUUID() } }],
      'no_stream',
    );
    expect((await post(signupBody(), k)).json().code).toBe('IDEMPOTENCY.KEY_REUSED');
    const start = await h.store.headPosition();
    const taken = await post(body, k);
    expect(taken.statusCode).toBe(202);
    expect(await since(start, 'SignupRequested')).toHaveLength(1);
    const again = await post(body, k);
    expect([again.statusCode, again.json().tenantId, again.headers['idempotent-replayed']]).toEqual([202, taken.json().tenantId, 'true']);
  });

  it('a request that failed frees its key: a corrected body under the same key goes through', async () => {
    const taken = signupBody();
    expect((await post(taken, key())).statusCode).toBe(202);
    const k = key();
    const clash = await post({ ...signupBody(), subdomain: taken.subdomain }, k);
    expect(clash.json().code).toBe('TENANT.SUBDOMAIN_TAKEN');
    expect((await post(signupBody(), k)).statusCode).toBe(202);
  });
});
