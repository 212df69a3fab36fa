import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendSampleHistories, catchUpLive, openReadModel, sampleHistories } from '@tlc/tenant-lookup';
import { auth, startHarness, type Harness } from '../test-support/app-harness.js';

describe('GET /v1/lookup', () => {
  let dir: string;
  let h: Harness;
  const hs = sampleHistories(10);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lookup-'));
    process.env.READ_MODEL_URL = `sqlite:${join(dir, 'read-model.db')}`;
    h = await startHarness('sqlite', {}, { sqliteFile: join(dir, 'events.db') });
    await appendSampleHistories(h.store, hs);
    const rm = await openReadModel(process.env.READ_MODEL_URL);
    await catchUpLive(rm, h.store);
    await rm.close();
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    delete process.env.READ_MODEL_URL;
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds a tenant by subdomain or email, normalised, without any secret', async () => {
    const bySub = await h.inject({ method: 'GET', url: `/v1/lookup?subdomain=${hs[0].subdomain.toUpperCase()}`, headers: auth });
    expect(bySub.statusCode).toBe(200);
    expect(bySub.headers['cache-control']).toBe('no-store');
    expect(bySub.json()).toMatchObject({ tenantId: hs[0].tenantId, status: 'Active', adminEmail: 'admin0@example.com', siteUrl: `https://${hs[0].subdomain}.example.com` });
    expect(bySub.body).not.toMatch(/scrypt|ciphertext|apiSecret|adminPassword/);
    const byEmail = await h.inject({ method: 'GET', url: '/v1/lookup?email=%20Admin6@Example.com', headers: auth });
    expect(byEmail.json()).toMatchObject({ tenantId: hs[6].tenantId, status: 'Suspended', suspended: true });
  });

  it('answers with the live holder of a subdomain a rolled-back tenant released', async () => {
    const r = await h.inject({ method: 'GET', url: `/v1/lookup?subdomain=${hs[3].subdomain}`, headers: auth });
    expect(r.json()).toMatchObject({ tenantId: hs[4].tenantId, released: false });
  });

  it('maps misses and bad queries to problem+json like the rest of the API', async () => {
    const miss = await h.inject({ method: 'GET', url: '/v1/lookup?subdomain=nobody-here', headers: auth });
    expect(miss.statusCode).toBe(404);
    expect(miss.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(miss.json()).toMatchObject({ code: 'TENANT.NOT_FOUND', status: 404 });
    for (const url of ['/v1/lookup', `/v1/lookup?subdomain=a&email=b@c.d`, '/v1/lookup?host=x', '/v1/lookup/tenants?status=Happy', '/v1/lookup/tenants?limit=0']) {
      const bad = await h.inject({ method: 'GET', url, headers: auth });
      expect([url, bad.statusCode, bad.json().code]).toEqual([url, 400, 'VALIDATION.FAILED']);
    }
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
});
