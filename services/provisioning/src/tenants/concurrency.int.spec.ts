/** 50 concurrent signups for 5 subdomains: the reservation streams let exactly one per name win. */
import { BACKENDS, auth, idem, signupBody, startHarness, type Harness } from '../test-support/app-harness.js';

describe.each(BACKENDS)('concurrent signups on %s', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(backend);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('makes exactly 5 tenants and 45 conflicts from 50 racing signups for 5 subdomains', async () => {
    const run = Date.now().toString(36);
    const names = Array.from({ length: 5 }, (_, i) => `race-${run}-${i}`);
    const bodies = Array.from({ length: 50 }, (_, i) => signupBody({ subdomain: names[i % 5], adminEmail: `racer-${run}-${i}@acme.test` }));
    const answers = await Promise.all(bodies.map((b) => h.inject({ method: 'POST', url: '/v1/tenants', headers: { ...auth, ...idem() }, payload: b })));

    const accepted = answers.filter((a) => a.statusCode === 202).map((a) => a.json());
    const conflicts = answers.filter((a) => a.statusCode === 409).map((a) => a.json());
    expect({ accepted: accepted.length, conflicts: conflicts.length }).toEqual({ accepted: 5, conflicts: 45 });
    expect(conflicts.every((c) => c.code === 'TENANT.SUBDOMAIN_TAKEN')).toBe(true);
    expect(accepted.map((a) => a.subdomain).sort()).toEqual([...names].sort());

    // The log agrees: one SignupRequested per name, and every name held by its winner.
    const all = await h.store.readAll();
    const signups = all.filter((e) => e.type === 'SignupRequested' && names.includes((e.data as { subdomain: string }).subdomain));
    expect(signups).toHaveLength(5);
    for (const a of accepted) {
      const res = (await h.inject({ method: 'GET', url: `/v1/subdomains/${a.subdomain}`, headers: auth })).json();
      expect(res.reason).toBe('taken');
    }
    // The losers' email holds were released again: each loser's email is free for a new signup.
    const winners = new Set(signups.map((e) => (e.data as { adminEmail: string }).adminEmail));
    const losers = bodies.filter((b) => !winners.has(b.adminEmail));
    expect(losers).toHaveLength(45);
    const again = await h.inject({ method: 'POST', url: '/v1/tenants', headers: { ...auth, ...idem() }, payload: { ...signupBody(), adminEmail: losers[0].adminEmail } });
    expect(again.statusCode).toBe(202);
  }, 120_000);
});
