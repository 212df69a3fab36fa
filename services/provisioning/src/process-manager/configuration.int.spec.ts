/**
 * A bench that cannot run for anybody (here: no database root password, so v15 prompts and
 * answers `Aborted!`) is the operator's problem, not the customer's. The service refuses to start
 * on such a bench (bench-check.ts, exit 78); when it breaks while the service runs (someone edits
 * common_site_config.json), the step keeps retrying past PM_MAX_ATTEMPTS, nothing is rolled back,
 * and once the bench is fixed the tenant goes Active.
 */
import { jest } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeStack, type Stack } from './test-support/stack.js';

jest.setTimeout(300_000);
const sub = `cfg-${randomBytes(2).toString('hex')}`;
let s: Stack;
afterAll(async () => s?.close());

it('retries a root-password prompt (configuration) without rolling back, and finishes once the bench is fixed', async () => {
  s = await makeStack({ PM_MAX_ATTEMPTS: '2', PM_BACKOFF_BASE_MS: '200', PM_BACKOFF_MAX_MS: '400' });
  const common = join(s.bench.root, 'sites', 'common_site_config.json');
  const conf = JSON.parse(readFileSync(common, 'utf8')) as Record<string, unknown>;
  const svc = await s.start();
  writeFileSync(common, JSON.stringify({ ...conf, root_password: '' }, null, 1));
  const id = await s.signup(svc, sub);
  type Failed = { step: string; classification: string; willRetry: boolean; stderrTail: string; reason: string };
  const failures = async (): Promise<Failed[]> => (await s.events(id)).filter((e) => e.type === 'StepFailed').map((e) => e.data as Failed);
  for (let i = 0; i < 600 && (await failures()).length < 3; i++) await new Promise((r) => setTimeout(r, 100));
  const fails = await failures();
  expect(fails.length).toBeGreaterThanOrEqual(3);
  expect(fails.map((f) => [f.step, f.classification, f.willRetry])).toEqual(fails.map(() => ['new-site', 'configuration', true]));
  // bench asks for the root password on stdin, where the service wrote the admin password for
  // new-site's own prompt: bench tries that as the root password and MariaDB refuses it (1045).
  // Either way the operator is told, and nothing secret is kept.
  expect(fails[0].stderrTail).toMatch(/^Warning: Password input may be echoed\.\nMySQL root password: /);
  expect(fails[0].reason).toMatch(/^bench is misconfigured: (bench asked for the database root password|the database root login was refused)/);
  expect((await s.events(id)).map((e) => e.type)).not.toContain('RollbackStarted');
  expect(svc.output()).toContain('bench is misconfigured: an operator must fix it');
  // The operator fixes the bench; the next retry (over the half site, with --force) succeeds.
  writeFileSync(common, JSON.stringify(conf, null, 1));
  const evs = await s.waitFor(id, ['Active', 'RolledBack', 'Broken'], 120_000);
  expect(evs.map((e) => e.type)).toContain('TenantActivated');
  expect(s.sitesOf(sub)).toEqual({ live: true, archived: 0 });
});
