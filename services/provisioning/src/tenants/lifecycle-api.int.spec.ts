import { BACKENDS, auth, idem, signupBody, startHarness, type Harness } from '../test-support/app-harness.js';
import { driver } from '../test-support/drive.js';
import { SecretsService } from '../secrets/secrets.service.js';
import { TenantRepository } from './tenant-repository.js';
import { VerificationTokens } from '../email/verification-token.js';

describe.each(BACKENDS)('lifecycle API on %s', (backend) => {
  let h: Harness;
  let pm: ReturnType<typeof driver>;
  beforeAll(async () => {
    h = await startHarness(backend, { SSE_HEARTBEAT_MS: '200', SSE_POLL_MS: '20' });
    pm = driver(h.service);
  });
  afterAll(async () => {
    await h?.close();
  });

  const signup = async (over: Record<string, unknown> = {}) => {
    const body = signupBody(over);
    const r = await h.inject({ method: 'POST', url: '/v1/tenants', headers: { ...auth, ...idem() }, payload: body });
    expect(r.statusCode).toBe(202);
    return { ...body, tenantId: r.json().tenantId as string };
  };
  const get = (url: string, headers: Record<string, string> = {}) => h.inject({ method: 'GET', url, headers: { ...auth, ...headers } });
  const post = (url: string, payload?: unknown) => h.inject({ method: 'POST', url, headers: auth, ...(payload ? { payload } : {}) });
  const code = (r: { json: () => any }) => r.json().code;

  it('shows an active tenant with its site URL and every step timed', async () => {
    const t = await signup();
    await pm.activate(t.tenantId);
    const s = (await get(`/v1/tenants/${t.tenantId}`)).json();
    expect(s).toMatchObject({ status: 'Active', phase: 'active', siteUrl: 'http://h.example.localhost:8000', lastError: null });
    for (const step of s.steps) {
      expect(step).toMatchObject({ status: 'succeeded', attempts: 1, durationMs: 12 });
      expect(Date.parse(step.endedAt)).toBeGreaterThanOrEqual(Date.parse(step.startedAt));
    }
  });

  it('suspends, resumes and deprovisions, or answers 409 naming the rule', async () => {
    const t = await signup();
    expect(code(await post(`/v1/tenants/${t.tenantId}/suspend`))).toBe('TENANT.NOT_ACTIVE');
    expect((await h.inject({ method: 'DELETE', url: `/v1/tenants/${t.tenantId}`, headers: auth })).json().code).toBe('TENANT.STILL_PROVISIONING');
    await pm.activate(t.tenantId);
    expect(code(await post(`/v1/tenants/${t.tenantId}/resume`))).toBe('TENANT.NOT_SUSPENDED');
    expect(code(await post(`/v1/tenants/${t.tenantId}/retry`))).toBe('TENANT.NOT_ROLLED_BACK');
    const suspended = await post(`/v1/tenants/${t.tenantId}/suspend`, { reason: 'Invoice unpaid' });
    expect(suspended.statusCode).toBe(200);
    expect(suspended.json()).toMatchObject({ status: 'Suspended', appended: ['TenantSuspended'] });
    const again = await post(`/v1/tenants/${t.tenantId}/suspend`);
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toMatch(/problem\+json/);
    expect((await post(`/v1/tenants/${t.tenantId}/resume`)).json()).toMatchObject({ status: 'Active' });

    const del = await h.inject({ method: 'DELETE', url: `/v1/tenants/${t.tenantId}?reason=Closed%20account`, headers: auth });
    expect(del.statusCode).toBe(202);
    expect(del.json()).toMatchObject({ status: 'Deprovisioning', appended: ['DeprovisionRequested'] });
    expect((await h.inject({ method: 'DELETE', url: `/v1/tenants/${t.tenantId}`, headers: auth })).json().code).toBe('TENANT.ALREADY_DEPROVISIONED');

    const { state } = await h.service.app.get(TenantRepository).load(t.tenantId);
    const sealed = state.adminPassword!;
    expect(await h.service.app.get(SecretsService).open(sealed)).toBe(t.adminPassword);
    const done = await pm.dropSite(t.tenantId);
    expect(done.state.status).toBe('Deprovisioned');
    // Crypto-shredded: the sealed password in the history can no longer be opened.
    await expect(h.service.app.get(SecretsService).open(sealed)).rejects.toMatchObject({ code: 'SECRETS.KEY_DESTROYED' });
    // The names are free again.
    expect((await get(`/v1/subdomains/${t.subdomain}`)).json()).toMatchObject({ available: true });
    const reuse = await h.inject({ method: 'POST', url: '/v1/tenants', headers: { ...auth, ...idem() }, payload: { ...signupBody(), subdomain: t.subdomain, adminEmail: t.adminEmail } });
    expect(reuse.statusCode).toBe(202);
  });

  it('shows a failure in plain words, rolls back, frees the names and retries', async () => {
    const t = await signup();
    await pm.failNewSite(t.tenantId);
    const failing = (await get(`/v1/tenants/${t.tenantId}`)).json();
    expect(failing.status).toBe('RollingBack');
    expect(failing.lastError).toMatchObject({ message: 'Creating the site failed: The database server refused the connection.', classification: 'permanent' });
    expect((await get(`/v1/subdomains/${t.subdomain}`)).json().reason).toBe('taken');
    await pm.dropSite(t.tenantId);
    expect((await get(`/v1/tenants/${t.tenantId}`)).json().status).toBe('RolledBack');
    expect((await get(`/v1/subdomains/${t.subdomain}`)).json().available).toBe(true);

    const retry = await post(`/v1/tenants/${t.tenantId}/retry`);
    expect(retry.statusCode).toBe(202);
    expect(retry.json()).toMatchObject({ status: 'Requested', provisioningAttempt: 2, appended: ['ProvisioningRetried'] });
    expect((await get(`/v1/subdomains/${t.subdomain}`)).json().reason).toBe('taken');
  });

  it('refuses a retry when someone else took the subdomain meanwhile', async () => {
    const t = await signup();
    await pm.failNewSite(t.tenantId);
    await pm.dropSite(t.tenantId);
    await h.inject({ method: 'POST', url: '/v1/tenants', headers: { ...auth, ...idem() }, payload: { ...signupBody(), subdomain: t.subdomain } });
    expect(code(await post(`/v1/tenants/${t.tenantId}/retry`))).toBe('TENANT.SUBDOMAIN_TAKEN');
  });

  it('gives the history with metadata and the state as of an earlier instant', async () => {
    const t = await signup();
    await new Promise((r) => setTimeout(r, 20));
    const between = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    await pm.activate(t.tenantId);
    const full = (await get(`/v1/tenants/${t.tenantId}/history`)).json();
    expect(full.chain).toEqual({ valid: true, problems: [] });
    expect(full.events.map((e: { revision: number }) => e.revision)).toEqual(full.events.map((_: unknown, i: number) => i));
    expect(full.state.status).toBe('Active');
    const keys = full.events.find((e: { type: string }) => e.type === 'ApiKeysIssued');
    expect(keys.data.apiSecret).toBe('[redacted]');
    for (const e of full.events) {
      expect(Object.keys(e.metadata)).toEqual(expect.arrayContaining(['eventId', 'correlationId', 'causationId', 'actor', 'occurredAt', 'schemaVersion', 'prevHash', 'hash']));
    }
    const past = (await get(`/v1/tenants/${t.tenantId}/history?asOf=${encodeURIComponent(between)}`)).json();
    expect(past.events.map((e: { type: string }) => e.type)).toEqual(['SignupRequested']);
    expect(past.state.status).toBe('Requested');
    const before = (await get(`/v1/tenants/${t.tenantId}/history?asOf=2000-01-01T00:00:00Z`)).json();
    expect(before).toMatchObject({ events: [], state: null });
    const bad = await get(`/v1/tenants/${t.tenantId}/history?asOf=yesterday`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION.FAILED', field: 'asOf' });
  });

  it('streams a snapshot, then each event with its revision as id, and closes when Active', async () => {
    const t = await signup();
    const res = await fetch(`${h.baseUrl}/v1/tenants/${t.tenantId}/events`, { headers: auth });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const text = res.text();
    await new Promise((r) => setTimeout(r, 450)); // long enough for a heartbeat
    await pm.activate(t.tenantId);
    const messages = parseSse(await text);
    // Each message as the OpenAPI document describes the stream (TenantStreamMessage).
    h.contract.assert({ method: 'GET', url: `/v1/tenants/${t.tenantId}/events` }, { status: res.status, headers: Object.fromEntries(res.headers.entries()), body: await text });
    expect(messages[0]).toMatchObject({ event: 'snapshot', id: '0' });
    expect(JSON.parse(messages[0].data)).toMatchObject({ status: 'Requested', phase: 'queued' });
    const rest = messages.slice(1);
    expect(rest.map((m) => Number(m.id))).toEqual(rest.map((_, i) => i + 1));
    expect(rest.at(-1)).toMatchObject({ event: 'TenantActivated' });
    expect(JSON.parse(rest.at(-1)!.data).status).toBe('Active');
    expect(await text).toContain(': heartbeat');

    // Resume after revision 3: only the later events, no snapshot.
    const again = await fetch(`${h.baseUrl}/v1/tenants/${t.tenantId}/events`, { headers: { ...auth, 'last-event-id': '3' } });
    const againText = await again.text();
    h.contract.assert({ method: 'GET', url: `/v1/tenants/${t.tenantId}/events` }, { status: again.status, headers: Object.fromEntries(again.headers.entries()), body: againText });
    const resumed = parseSse(againText);
    expect(resumed[0]).toMatchObject({ id: '4' });
    expect(resumed.map((m) => m.event)).not.toContain('snapshot');
    expect(resumed.at(-1)!.event).toBe('TenantActivated');
  });

  it('answers 404 problem+json on every tenant route for an unknown tenant', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const answers = [
      await get(`/v1/tenants/${id}/events`),
      await get(`/v1/tenants/${id}/history`),
      await post(`/v1/tenants/${id}/retry`),
      await post(`/v1/tenants/${id}/suspend`),
      await post(`/v1/tenants/${id}/resume`),
      await h.inject({ method: 'DELETE', url: `/v1/tenants/${id}`, headers: auth }),
    ];
    for (const r of answers) {
      expect(r.statusCode).toBe(404);
      expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(r.json().code).toBe('TENANT.NOT_FOUND');
    }
  });

  it('verifies credentials for the web sign-in', async () => {
    const t = await signup();
    // Not before the address is proven (issue 15, finding 2); then with the link's token.
    const early = await post('/v1/credentials/verify', { email: t.adminEmail, password: t.adminPassword });
    expect([early.statusCode, early.json().code]).toEqual([403, 'AUTH.EMAIL_UNVERIFIED']);
    const token = new VerificationTokens(h.service.config.secretsKey).make(t.tenantId, t.adminEmail, new Date(Date.now() + 3_600_000));
    expect((await post('/v1/email-verifications', { token })).statusCode).toBe(200);
    const ok = await post('/v1/credentials/verify', { email: t.adminEmail.toUpperCase(), password: t.adminPassword });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ tenantId: t.tenantId, subdomain: t.subdomain, status: 'Requested' });
    const wrong = await post('/v1/credentials/verify', { email: t.adminEmail, password: 'wrong password!' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('AUTH.INVALID_CREDENTIALS');
    expect((await post('/v1/credentials/verify', { email: 'nobody@acme.test', password: 'whatever12345' })).json().code).toBe('AUTH.INVALID_CREDENTIALS');
    expect((await post('/v1/credentials/verify', { email: t.adminEmail })).json().code).toBe('VALIDATION.FAILED');
  });

  it('signs in every tenant that exists, whatever its status; a Deprovisioned one never (issue 18)', async () => {
    const confirmed = async () => {
      const t = await signup();
      const token = new VerificationTokens(h.service.config.secretsKey).make(t.tenantId, t.adminEmail, new Date(Date.now() + 3_600_000));
      expect((await post('/v1/email-verifications', { token })).statusCode).toBe(200);
      return t;
    };
    const signIn = (t: { adminEmail: string; adminPassword: string }, password = t.adminPassword) => post('/v1/credentials/verify', { email: t.adminEmail, password });
    const answer = (t: { tenantId: string; subdomain: string }, status: string) => ({ tenantId: t.tenantId, subdomain: t.subdomain, status });

    // RolledBack (its email reservation given back): signs in so its person can press Retry.
    const rolled = await confirmed();
    await pm.failNewSite(rolled.tenantId);
    expect((await signIn(rolled)).json()).toEqual(answer(rolled, 'RollingBack'));
    await pm.dropSite(rolled.tenantId);
    const r = await signIn(rolled);
    expect([r.statusCode, r.json()]).toEqual([200, answer(rolled, 'RolledBack')]);
    expect((await signIn(rolled, 'wrong password!')).statusCode).toBe(401);

    // Suspended.
    const susp = await confirmed();
    await pm.activate(susp.tenantId);
    expect((await post(`/v1/tenants/${susp.tenantId}/suspend`, { reason: 'Invoice unpaid' })).statusCode).toBe(200);
    expect((await signIn(susp)).json()).toEqual(answer(susp, 'Suspended'));
    expect((await signIn(susp, 'wrong password!')).json().code).toBe('AUTH.INVALID_CREDENTIALS');

    // Broken: the rollback's drop-site failed for good.
    const broken = await confirmed();
    await pm.failNewSite(broken.tenantId);
    await pm.start(broken.tenantId, { step: 'drop-site' });
    await pm.send('RecordStepFailed', {
      tenantId: broken.tenantId,
      step: 'drop-site',
      attempt: 1,
      classification: 'permanent',
      exitCode: 1,
      reason: 'The database server refused the connection.',
      stderrTail: 'pymysql.err.OperationalError',
      willRetry: false,
      durationMs: 30,
    });
    expect((await get(`/v1/tenants/${broken.tenantId}`)).json().status).toBe('Broken');
    expect((await signIn(broken)).json()).toEqual(answer(broken, 'Broken'));

    // An unconfirmed RolledBack signup still needs its link first.
    const unconfirmed = await signup();
    await pm.failNewSite(unconfirmed.tenantId);
    await pm.dropSite(unconfirmed.tenantId);
    const early = await signIn(unconfirmed);
    expect([early.statusCode, early.json().code]).toEqual([403, 'AUTH.EMAIL_UNVERIFIED']);

    // Deprovisioned: gone, the same answer as a wrong password.
    const gone = await confirmed();
    await pm.activate(gone.tenantId);
    expect((await h.inject({ method: 'DELETE', url: `/v1/tenants/${gone.tenantId}`, headers: auth })).statusCode).toBe(202);
    expect((await signIn(gone)).json()).toEqual(answer(gone, 'Deprovisioning'));
    await pm.dropSite(gone.tenantId);
    const refused = await signIn(gone);
    expect([refused.statusCode, refused.json().code]).toEqual([401, 'AUTH.INVALID_CREDENTIALS']);

    // A later signup with a rolled-back tenant's address is the one that signs in.
    const again = await h.inject({
      method: 'POST',
      url: '/v1/tenants',
      headers: { ...auth, ...idem() },
      payload: { ...signupBody(), adminEmail: rolled.adminEmail, adminPassword: rolled.adminPassword },
    });
    expect(again.statusCode).toBe(202);
    const newer = await signIn(rolled);
    expect([newer.statusCode, newer.json().code]).toEqual([403, 'AUTH.EMAIL_UNVERIFIED']);
  });
});

function parseSse(text: string): Array<{ id?: string; event?: string; data: string }> {
  return text
    .split('\n\n')
    .filter((b) => /^(id|event|data):/m.test(b))
    .map((block) => {
      const m: { id?: string; event?: string; data: string } = { data: '' };
      for (const line of block.split('\n')) {
        const [k, ...v] = line.split(': ');
        if (k === 'id' || k === 'event') m[k] = v.join(': ');
        if (k === 'data') m.data += v.join(': ');
      }
      return m;
    });
}
