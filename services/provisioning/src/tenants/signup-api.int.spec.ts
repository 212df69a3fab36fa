import { randomUUID } from 'node:crypto';
import { BACKENDS, auth, idem, signupBody, startHarness, type Harness } from '../test-support/app-harness.js';

const expectProblem = (r: { statusCode: number; headers: Record<string, unknown>; json: () => any }, status: number, code: string) => {
  expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
  const p = r.json();
  expect({ status: r.statusCode, code: p.code }).toEqual({ status, code });
  expect(p.status).toBe(status);
  expect(typeof p.type).toBe('string');
  expect(typeof p.title).toBe('string');
  expect(typeof p.detail).toBe('string');
  return p;
};

describe.each(BACKENDS)('signup API on %s', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(backend);
  });
  afterAll(async () => {
    await h?.close();
  });
  const post = (body: unknown, headers: Record<string, string> = { ...auth, ...idem() }) => h.inject({ method: 'POST', url: '/v1/tenants', headers, payload: body });

  it('accepts a signup with 202, a Location and a queued status', async () => {
    const body = signupBody();
    const r = await post(body);
    expect(r.statusCode).toBe(202);
    const a = r.json();
    expect(a).toEqual({ tenantId: expect.any(String), subdomain: body.subdomain, status: 'Requested', links: expect.objectContaining({ self: `/v1/tenants/${a.tenantId}` }) });
    expect(r.headers.location).toBe(`/v1/tenants/${a.tenantId}`);
    const s = await h.inject({ method: 'GET', url: `/v1/tenants/${a.tenantId}`, headers: auth });
    expect(s.statusCode).toBe(200);
    expect(s.json()).toMatchObject({ status: 'Requested', phase: 'queued', siteUrl: null, lastError: null, organization: 'Acme Ltd' });
    expect(s.json().steps.map((x: { key: string }) => x.key)).toEqual(['new-site', 'install-app:erpnext', 'add-system-manager', 'api-keys', 'set-host-name']);
  });

  it('answers the same key and body with the same answer, and refuses the key with another body', async () => {
    const headers = { ...auth, ...idem() };
    const body = signupBody();
    const first = await post(body, headers);
    const again = await post(body, headers);
    expect(again.statusCode).toBe(202);
    expect(again.json()).toEqual(first.json());
    expect(again.headers['idempotent-replayed']).toBe('true');
    expectProblem(await post({ ...body, organization: 'Other' }, headers), 422, 'IDEMPOTENCY.KEY_REUSED');
  });

  it('requires an Idempotency-Key', async () => {
    expectProblem(await post(signupBody(), auth), 400, 'IDEMPOTENCY.KEY_REQUIRED');
  });

  it('refuses a taken subdomain with 409 naming the field', async () => {
    const body = signupBody();
    await post(body);
    const p = expectProblem(await post({ ...signupBody(), subdomain: body.subdomain }), 409, 'TENANT.SUBDOMAIN_TAKEN');
    expect(p.field).toBe('subdomain');
  });

  it('refuses an email that owns a live tenant without naming its site (its owner is sent a note instead)', async () => {
    const body = signupBody();
    await post(body);
    const p = expectProblem(await post({ ...signupBody(), adminEmail: body.adminEmail.toUpperCase() }), 409, 'TENANT.EMAIL_HAS_TENANT');
    expect(p).toMatchObject({ field: 'adminEmail' });
    expect(JSON.stringify(p)).not.toContain(body.subdomain);
  });

  it('gives the running tenant back for the same email and subdomain (a double click with a new key)', async () => {
    const body = signupBody();
    const a = (await post(body)).json();
    const b = await post(body);
    expect(b.statusCode).toBe(202);
    expect(b.json().tenantId).toBe(a.tenantId);
  });

  it('accepts a Google signup without password and refuses one with a password', async () => {
    const { adminPassword: _pw, ...google } = signupBody({ identityProvider: 'google' });
    expect((await post(google)).statusCode).toBe(202);
    expectProblem(await post(signupBody({ identityProvider: 'google' })), 400, 'VALIDATION.FAILED');
  });

  it.each([
    ['a reserved subdomain', { subdomain: 'admin' }, 422, 'SUBDOMAIN.RESERVED', 'subdomain'],
    ['a subdomain with a hyphen at the edge', { subdomain: '-acme' }, 422, 'SUBDOMAIN.HYPHEN_AT_EDGE', 'subdomain'],
    ['a short password', { adminPassword: 'short' }, 400, 'VALIDATION.FAILED', 'adminPassword'],
    ['an unknown field', { isAdmin: true }, 400, 'VALIDATION.FAILED', 'isAdmin'],
    ['a long organization', { organization: 'x'.repeat(141) }, 400, 'VALIDATION.FAILED', 'organization'],
    ['an empty organization', { organization: '  ' }, 400, 'VALIDATION.FAILED', 'organization'],
    ['a bad email', { adminEmail: 'not-an-email' }, 400, 'VALIDATION.FAILED', 'adminEmail'],
    ['a 65-character local part', { adminEmail: `${'a'.repeat(65)}@acme.test` }, 400, 'VALIDATION.FAILED', 'adminEmail'],
    ['a number for organization', { organization: 42 }, 400, 'VALIDATION.FAILED', 'organization'],
  ])('refuses %s', async (_what, over, status, code, field) => {
    const p = expectProblem(await post(signupBody(over)), status, code);
    expect(p.field).toBe(field);
    if (code === 'VALIDATION.FAILED') expect(p.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('refuses bodies Fastify cannot take: malformed, too large, wrong type, not an object', async () => {
    const h2 = { ...auth, ...idem(), 'content-type': 'application/json' };
    expectProblem(await h.inject({ method: 'POST', url: '/v1/tenants', headers: h2, body: '{"organization":' }), 400, 'REQUEST.MALFORMED_JSON');
    expectProblem(await h.inject({ method: 'POST', url: '/v1/tenants', headers: h2, body: '{"__proto__":{"admin":true}}' }), 400, 'REQUEST.MALFORMED_JSON');
    expectProblem(await h.inject({ method: 'POST', url: '/v1/tenants', headers: h2, body: JSON.stringify({ organization: 'x'.repeat(17 * 1024) }) }), 413, 'REQUEST.BODY_TOO_LARGE');
    expectProblem(await h.inject({ method: 'POST', url: '/v1/tenants', headers: { ...h2, 'content-type': 'text/plain' }, body: 'hi' }), 415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE');
    expectProblem(await h.inject({ method: 'POST', url: '/v1/tenants', headers: h2, body: '[1,2]' }), 400, 'VALIDATION.FAILED');
  });

  it('answers unknown routes and tenants with problem+json 404', async () => {
    expectProblem(await h.inject({ method: 'GET', url: '/v1/nothing-here', headers: auth }), 404, 'REQUEST.NOT_FOUND');
    expectProblem(await h.inject({ method: 'GET', url: `/v1/tenants/${randomUUID()}`, headers: auth }), 404, 'TENANT.NOT_FOUND');
    expectProblem(await h.inject({ method: 'GET', url: '/v1/tenants/not-a-uuid', headers: auth }), 404, 'TENANT.NOT_FOUND');
  });

  it('needs the bearer secret on /v1 but not on /health', async () => {
    const r = await h.inject({ method: 'GET', url: '/v1/subdomains/acme' });
    expectProblem(r, 401, 'AUTH.UNAUTHORIZED');
    expect(r.headers['www-authenticate']).toBe('Bearer');
    expectProblem(await h.inject({ method: 'GET', url: '/v1/subdomains/acme', headers: { authorization: 'Bearer wrong-secret-of-some-length' } }), 401, 'AUTH.UNAUTHORIZED');
    expectProblem(await h.inject({ method: 'GET', url: '/v1/subdomains/acme', headers: { authorization: auth.authorization.replace('Bearer', 'Basic') } }), 401, 'AUTH.UNAUTHORIZED');
    const health = await h.inject({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ status: 'ok', info: { eventStore: { status: 'up' } } });
  });

  it('tells whether a subdomain is available, and why not', async () => {
    const body = signupBody();
    await post(body);
    const check = async (name: string) => (await h.inject({ method: 'GET', url: `/v1/subdomains/${encodeURIComponent(name)}`, headers: auth })).json();
    expect(await check('free-' + body.subdomain)).toEqual({ subdomain: 'free-' + body.subdomain, available: true });
    expect(await check(body.subdomain)).toMatchObject({ available: false, reason: 'taken' });
    expect(await check('admin')).toMatchObject({ available: false, reason: 'reserved' });
    expect(await check('a_b')).toMatchObject({ available: false, reason: 'invalid', code: 'SUBDOMAIN.INVALID_CHARACTERS' });
  });

  it('uses X-Request-Id as the correlation id and echoes it', async () => {
    const r = await post(signupBody(), { ...auth, ...idem(), 'x-request-id': 'req-abc-123' });
    expect(r.headers['x-request-id']).toBe('req-abc-123');
    const hist = (await h.inject({ method: 'GET', url: `/v1/tenants/${r.json().tenantId}/history`, headers: auth })).json();
    expect(hist.events[0].metadata).toMatchObject({ correlationId: 'req-abc-123', actor: { kind: 'user' }, schemaVersion: 3 });
    // No IP address in the permanent log (personal data crypto-shredding could not remove).
    expect(hist.events[0].metadata.actor).not.toHaveProperty('ip');
    expect(hist.events[0].data.adminPassword).toBe('[redacted]');
    expect(hist.chain.valid).toBe(true);
  });

  it('serves metrics and the OpenAPI document', async () => {
    const m = await h.inject({ method: 'GET', url: '/metrics' });
    expect(m.statusCode).toBe(200);
    expect(m.body).toContain('http_request_duration_seconds_bucket');
    expect(m.body).toContain('provisioning_signup_duration_seconds');
    const d = await h.inject({ method: 'GET', url: '/docs/openapi.json' });
    expect(d.statusCode).toBe(200);
    expect(Object.keys(d.json().paths)).toEqual(expect.arrayContaining(['/v1/tenants', '/v1/tenants/{id}', '/v1/subdomains/{name}', '/v1/credentials/verify']));
    expect((await h.inject({ method: 'GET', url: '/docs' })).statusCode).toBe(200);
  });
});
