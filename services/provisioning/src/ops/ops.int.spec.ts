/**
 * The console's service routes on a real app and SQLite store with ten sample histories
 * (eight activated in 660 s each, one rolled back after a permanent install-app failure, one
 * still provisioning): the health figures, the same figures on /metrics, and a blue/green
 * rebuild started through the API that switches reads to a new generation.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sampleHistories } from '@tlc/tenant-lookup';
import { auth, type Harness } from '../test-support/app-harness.js';
import { startWithReadModel, type ReadModelHarness } from '../test-support/read-model-harness.js';

describe('/v1/ops', () => {
  let app: ReadModelHarness;
  let h: Harness;

  beforeAll(async () => {
    app = await startWithReadModel('ops-', sampleHistories(10));
    h = app.h;
  }, 120_000);
  afterAll(async () => app?.close());

  it('refuses a caller without the bearer, and bad query values name the field', async () => {
    expect((await h.inject({ method: 'GET', url: '/v1/ops/health' })).statusCode).toBe(401);
    expect((await h.inject({ method: 'POST', url: '/v1/ops/projections/rebuild' })).statusCode).toBe(401);
    const bad = await h.inject({ method: 'GET', url: '/v1/ops/health?hours=0', headers: auth });
    expect([bad.statusCode, bad.headers['content-type'], bad.json().code]).toEqual([400, 'application/problem+json; charset=utf-8', 'VALIDATION.FAILED']);
    expect(JSON.stringify(bad.json())).toContain('hours');
  });

  it('folds the log into totals, signup-to-Active times and failures by step and class', async () => {
    const r = await h.inject({ method: 'GET', url: '/v1/ops/health?hours=3', headers: auth });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.totals).toEqual({ signups: 10, activations: 8, rollbacks: 1, brokenEvents: 0, brokenNow: 0, successRate: 8 / 9 });
    expect(body.signupToActive).toMatchObject({ count: 8, p50: 660, p95: 660, mean: 660 });
    expect(body.signupToActive.buckets.find((b: { le: number | null }) => b.le === 1800).count).toBe(8);
    expect(body.failures).toEqual([{ step: 'install-app', classification: 'permanent', all: 1, final: 1 }]);
    expect(body.hours).toHaveLength(3);
    expect(body.lag).toMatchObject({ eventsBehind: 0 });
  });

  it('puts the same figures on /metrics for Prometheus', async () => {
    const text = (await h.inject({ method: 'GET', url: '/metrics', unchecked: true })).body;
    expect(text).toMatch(/^provisioning_tenant_signups_total 10$/m);
    expect(text).toMatch(/^provisioning_tenant_activations_total 8$/m);
    expect(text).toMatch(/^provisioning_tenant_rollbacks_total 1$/m);
    expect(text).toMatch(/^provisioning_tenants_broken 0$/m);
    expect(text).toMatch(/^provisioning_signup_to_active_seconds_bucket\{le="600"\} 0$/m);
    expect(text).toMatch(/^provisioning_signup_to_active_seconds_bucket\{le="1800"\} 8$/m);
    expect(text).toMatch(/^provisioning_step_failures_total\{step="install-app",class="permanent",final="true"\} 1$/m);
  });

  it('serves every metric the Grafana dashboard and the alert rules in deploy/ query', async () => {
    const deploy = join(dirname(fileURLToPath(import.meta.url)), '../../../../deploy');
    const text = (await h.inject({ method: 'GET', url: '/metrics', unchecked: true })).body;
    const served = new Set([...text.matchAll(/^# TYPE (\S+) /gm)].map((m) => m[1]));
    for (const file of ['grafana-dashboard.json', 'prometheus-alerts.yml']) {
      const queried = new Set([...readFileSync(join(deploy, file), 'utf8').matchAll(/\b(?:provisioning|tlc|http)_[a-z_]+/g)].map((m) => m[0].replace(/_(bucket|sum|count)$/, '')));
      expect(queried.size).toBeGreaterThan(3);
      expect({ file, missing: [...queried].filter((n) => !served.has(n)) }).toEqual({ file, missing: [] });
    }
  });

  it('rebuilds the read model blue/green, recording who started it, and switches reads to the new generation', async () => {
    const before = (await h.inject({ method: 'GET', url: '/v1/ops/projections', headers: auth })).json();
    const live = before.generations.find((g: { state: string }) => g.state === 'live').generation;
    const started = await h.inject({ method: 'POST', url: '/v1/ops/projections/rebuild', headers: { ...auth, 'x-operator': 'ops@example.test' } });
    expect(started.statusCode).toBe(202);
    expect(started.json()).toMatchObject({ state: 'running', startedBy: 'ops@example.test' });
    let status = before;
    for (let i = 0; i < 200 && status.rebuild?.state !== 'done'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      status = (await h.inject({ method: 'GET', url: '/v1/ops/projections', headers: auth })).json();
      expect(status.rebuild?.state).not.toBe('failed');
    }
    expect(status.rebuild).toMatchObject({ state: 'done', retiredGeneration: live, progress: { fraction: 1 } });
    expect(status.generations).toEqual([expect.objectContaining({ generation: live + 1, state: 'live' })]);
    const found = await h.inject({ method: 'GET', url: '/v1/lookup/tenants?limit=500', headers: auth });
    expect(found.json().total).toBe(10);
  });
});
