import { appendSampleHistories, catchUpLive, openReadModel, sampleHistories, sampleHistory, type ReadModelStore } from '@tlc/tenant-lookup';
import { auth, type Harness } from '../test-support/app-harness.js';
import { startWithReadModel, type ReadModelHarness } from '../test-support/read-model-harness.js';
import { CHECKPOINT_CHECK_MS } from './fresh-lookup.js';
import { READ_MODEL } from './lookup.service.js';

/** Waits past the lookup cache's checkpoint-check interval (a bound, not a timing assertion). */
const pastCheckInterval = () => new Promise((r) => setTimeout(r, CHECKPOINT_CHECK_MS + 50));

describe('GET /v1/lookup', () => {
  let app: ReadModelHarness;
  let h: Harness;
  const hs = sampleHistories(10);

  beforeAll(async () => {
    app = await startWithReadModel('lookup-', hs);
    h = app.h;
  }, 120_000);
  afterAll(async () => app?.close());

  it('finds a tenant by subdomain or email, normalised, without any secret', async () => {
    const bySub = await h.inject({ method: 'GET', url: `/v1/lookup?subdomain=${hs[0].subdomain.toUpperCase()}`, headers: auth });
    expect(bySub.statusCode).toBe(200);
    expect(bySub.headers['cache-control']).toBe('no-store');
    // The route sends pre-serialised JSON: it must still be labelled (and be) the document's JSON.
    expect(bySub.headers['content-type']).toBe('application/json; charset=utf-8');
    const rm = await openReadModel(process.env.READ_MODEL_URL!);
    const stored = await rm.find({ by: 'subdomain', value: hs[0].subdomain });
    await rm.close();
    expect(bySub.json()).toEqual(stored);
    expect(bySub.json()).toMatchObject({ tenantId: hs[0].tenantId, status: 'Active', adminEmail: 'admin0@example.com', siteUrl: `https://${hs[0].subdomain}.example.com` });
    expect(bySub.body).not.toMatch(/scrypt|ciphertext|apiSecret|adminPassword/);
    const byEmail = await h.inject({ method: 'GET', url: '/v1/lookup?email=%20Admin6@Example.com', headers: auth });
    expect(byEmail.json()).toMatchObject({ tenantId: hs[6].tenantId, status: 'Suspended', suspended: true });
  });

  it('documents exactly the two query parameters in OpenAPI', async () => {
    const doc = (await h.inject({ method: 'GET', url: '/docs/openapi.json' })).json();
    const params = doc.paths['/v1/lookup'].get.parameters as Array<{ name: string; in: string; required: boolean; schema: Record<string, unknown> }>;
    expect(params.filter((p) => p.in === 'query').map((p) => [p.name, p.in, p.required, p.schema.minLength, p.schema.maxLength])).toEqual([
      ['subdomain', 'query', false, 1, 63],
      ['email', 'query', false, 3, 254],
    ]);
  });

  it('answers with the live holder of a subdomain a rolled-back tenant released', async () => {
    const r = await h.inject({ method: 'GET', url: `/v1/lookup?subdomain=${hs[3].subdomain}`, headers: auth });
    expect(r.json()).toMatchObject({ tenantId: hs[4].tenantId, released: false });
  });

  it('maps misses and bad queries to problem+json like the rest of the API', async () => {
    const miss = await h.inject({ method: 'GET', url: '/v1/lookup?subdomain=nobody-here', headers: auth });
    expect(miss.statusCode).toBe(404);
    expect(miss.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(miss.json()).toMatchObject({ code: 'TENANT.NOT_FOUND', status: 404, field: 'subdomain', detail: 'No tenant has that subdomain.' });
    const missByEmail = await h.inject({ method: 'GET', url: '/v1/lookup?email=nobody@example.com', headers: auth });
    expect([missByEmail.statusCode, missByEmail.headers['cache-control'], missByEmail.json()]).toEqual([
      404,
      'no-store',
      expect.objectContaining({ code: 'TENANT.NOT_FOUND', field: 'email', detail: 'No tenant has that email.' }),
    ]);
    for (const url of [
      '/v1/lookup',
      `/v1/lookup?subdomain=a&email=b@c.d`,
      '/v1/lookup?host=x',
      '/v1/lookup?subdomain=',
      '/v1/lookup?subdomain=a&subdomain=b',
      '/v1/lookup?subdomain=a&constructor=x',
      '/v1/lookup/tenants?status=Happy',
      '/v1/lookup/tenants?limit=0',
    ]) {
      const bad = await h.inject({ method: 'GET', url, headers: auth });
      expect([url, bad.statusCode, bad.headers['content-type'], bad.headers['cache-control'], bad.json().code]).toEqual([
        url,
        400,
        'application/problem+json; charset=utf-8',
        'no-store',
        'VALIDATION.FAILED',
      ]);
    }
    const long = await h.inject({ method: 'GET', url: `/v1/lookup?email=ab`, headers: auth });
    expect(long.json()).toMatchObject({ field: 'email', errors: [{ field: 'email', code: 'FIELD.IS_LENGTH', message: 'email must be longer than or equal to 3 characters' }] });
    const anon = await h.inject({ method: 'GET', url: `/v1/lookup?subdomain=${hs[0].subdomain}` });
    expect(anon.statusCode).toBe(401);
  });

  it('lists tenants by status, paged, and reports projection lag on /metrics', async () => {
    const r = await h.inject({ method: 'GET', url: '/v1/lookup/tenants?status=Active,Suspended&limit=2', headers: auth });
    expect(r.statusCode).toBe(200);
    const page = r.json();
    expect(page.items).toHaveLength(2);
    expect(page.total).toBe(7);
    const metrics = await h.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toContain('tlc_projection_lag_events{projection="tenant-lookup"} 0');
    expect(metrics.body).toContain('tlc_projection_generation{projection="tenant-lookup"} 1');
  });

  it('shows what the projector committed once the checkpoint check comes round, found or changed', async () => {
    const late = sampleHistory(100);
    const before = await h.inject({ method: 'GET', url: `/v1/lookup?subdomain=${late.subdomain}`, headers: auth });
    expect(before.statusCode).toBe(404);
    const active = await h.inject({ method: 'GET', url: `/v1/lookup?subdomain=${hs[1].subdomain}`, headers: auth });
    expect(active.json()).toMatchObject({ status: 'Active', suspended: false });

    await appendSampleHistories(h.store, [late]);
    const suspend = await h.inject({ method: 'POST', url: `/v1/tenants/${hs[1].tenantId}/suspend`, headers: auth, payload: { reason: 'unpaid' } });
    expect(suspend.statusCode).toBe(200);
    const rm = await openReadModel(process.env.READ_MODEL_URL!);
    await catchUpLive(rm, h.store);
    await rm.close();
    await pastCheckInterval();

    // Both answers were cached (a miss for 1 s, a hit for 5 s): the moved checkpoint drops them.
    const found = await h.inject({ method: 'GET', url: `/v1/lookup?subdomain=${late.subdomain}`, headers: auth });
    expect(found.json()).toMatchObject({ tenantId: late.tenantId });
    const changed = await h.inject({ method: 'GET', url: `/v1/lookup?subdomain=${hs[1].subdomain}`, headers: auth });
    expect(changed.json()).toMatchObject({ status: 'Suspended', suspended: true });
  });

  // Last: it closes the app's read model.
  it('answers 503 problem+json when the read model does not answer', async () => {
    await h.service.app.get<ReadModelStore>(READ_MODEL).close();
    await pastCheckInterval();
    for (const url of [`/v1/lookup?subdomain=${hs[0].subdomain}`, '/v1/lookup?subdomain=never-looked-up']) {
      const r = await h.inject({ method: 'GET', url, headers: auth });
      expect([url, r.statusCode, r.headers['content-type'], r.json().code]).toEqual([url, 503, 'application/problem+json; charset=utf-8', 'SERVICE.UNAVAILABLE']);
    }
  });
});
