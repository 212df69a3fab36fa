/**
 * `tenantctl tenants ...` against the real provisioning app: commands go through its HTTP API
 * (the decider appends the events), listing comes from its read-model endpoint.
 */
import { sampleHistories } from '@tlc/tenant-lookup';
import { API_SECRET, type Harness } from '../../../services/provisioning/src/test-support/app-harness.js';
import { startWithReadModel, type ReadModelHarness } from '../../../services/provisioning/src/test-support/read-model-harness.js';
import { assertBuilt, json, tenantctl } from './test-support/run-cli.js';

const T = 120_000;

describe('tenantctl tenants', () => {
  let app: ReadModelHarness;
  let h: Harness;
  let env: Record<string, string>;
  const hs = sampleHistories(10);

  beforeAll(async () => {
    assertBuilt();
    app = await startWithReadModel('tenantctl-api-', hs);
    h = app.h;
    env = { PROVISIONING_URL: h.baseUrl, PROVISIONING_API_SECRET: API_SECRET, TENANTCTL_OPERATOR: 'alice' };
  }, T);
  afterAll(async () => app?.close());

  const lastEvent = async (i: number) => {
    const events = await h.store.readStream(hs[i].stream);
    return events[events.length - 1];
  };

  it(
    'lists tenants by status through the API',
    async () => {
      const r = await tenantctl(['tenants', 'list', '--status', 'Suspended', 'RolledBack', '--json'], env);
      expect(r.exitCode).toBe(0);
      const page = json<{ total: number; items: Array<{ status: string }> }>(r);
      expect(page.total).toBe(2);
      expect(page.items.map((d) => d.status).sort()).toEqual(['RolledBack', 'Suspended']);
      expect((await tenantctl(['tenants', 'list'], env)).stdout).toContain('1-10 of 10');
    },
    T,
  );

  it(
    'suspends and resumes through the command side, naming the operator',
    async () => {
      const s = await tenantctl(['tenants', 'suspend', hs[0].subdomain, '--reason', 'unpaid invoice', '--json'], env);
      expect([s.exitCode, s.stderr]).toEqual([0, '']);
      const suspended = await lastEvent(0);
      expect(suspended).toMatchObject({ type: 'TenantSuspended', data: { reason: 'unpaid invoice' }, metadata: { actor: { kind: 'operator', id: 'tenantctl:alice' } } });

      const r = await tenantctl(['tenants', 'resume', hs[6].tenantId], env);
      expect(r.exitCode).toBe(0);
      expect((await lastEvent(6)).type).toBe('TenantResumed');
    },
    T,
  );

  it(
    'exits 1 with the API problem when the decider refuses, and 1 when the secret is wrong',
    async () => {
      const refused = await tenantctl(['tenants', 'resume', hs[1].tenantId], env);
      expect(refused.exitCode).toBe(1);
      expect(refused.stderr).toContain('TENANT.NOT_SUSPENDED');
      const denied = await tenantctl(['tenants', 'resume', hs[6].tenantId], { ...env, PROVISIONING_API_SECRET: 'wrong-secret-wrong-secret' });
      expect(denied.exitCode).toBe(1);
      expect(denied.stderr).toContain('PROVISIONING_API_SECRET');
    },
    T,
  );

  it(
    'deprovisions through DELETE /v1/tenants/:id',
    async () => {
      const r = await tenantctl(['tenants', 'deprovision', hs[2].tenantId, '--reason', 'customer left'], env);
      expect(r.exitCode).toBe(0);
      const events = await h.store.readStream(hs[2].stream);
      expect(events.map((e) => e.type)).toContain('DeprovisionRequested');
    },
    T,
  );
});
