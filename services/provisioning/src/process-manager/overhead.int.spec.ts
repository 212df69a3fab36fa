/**
 * Orchestration overhead per tenant with zero-latency simulator steps: time from the POST to
 * TenantActivated minus the time spent inside bench (the steps' durationMs). Tenants go one at
 * a time so queueing behind the heavy-step limit is not counted. Prints p50/p99; asserts only
 * that every tenant was measured (no timed assertions).
 */
import { jest } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { makeStack, type Stack } from './test-support/stack.js';

jest.setTimeout(600_000);
const N = Number(process.env.OVERHEAD_TENANTS ?? 20);
let s: Stack;
afterAll(async () => s?.close());

const pct = (xs: number[], p: number): number => {
  const sorted = [...xs].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

it(`measures the orchestration overhead over ${N} tenants`, async () => {
  s = await makeStack({ BENCH_SIM_LATENCY: '*:0ms' });
  const svc = await s.start();
  const tag = randomBytes(2).toString('hex');
  const overhead: number[] = [];
  const total: number[] = [];
  for (let i = 0; i < N; i++) {
    const posted = Date.now();
    const id = await s.signup(svc, `ovh${i}-${tag}`);
    const evs = await s.waitFor(id, ['Active']);
    const activated = Date.parse(String(evs.find((e) => e.type === 'TenantActivated')!.metadata.occurredAt));
    const inBench = evs.reduce(
      (sum, e) => sum + (e.type !== 'StepFailed' && typeof (e.data as { durationMs?: number }).durationMs === 'number' ? (e.data as { durationMs: number }).durationMs : 0),
      0,
    );
    total.push(activated - posted);
    overhead.push(activated - posted - inBench);
  }
  const line = `orchestration overhead per tenant (${N} tenants, zero-latency bench-sim, PostgreSQL store): p50 ${pct(overhead, 50)} ms, p99 ${pct(overhead, 99)} ms; POST->Active p50 ${pct(total, 50)} ms, p99 ${pct(total, 99)} ms`;
  process.stdout.write(line + '\n');
  expect(overhead).toHaveLength(N);
});
