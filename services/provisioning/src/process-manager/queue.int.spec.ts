/** PROVISIONING_CONCURRENCY bounds heavy steps; tenants waiting for a slot show "queued". */
import { jest } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { API_SECRET, makeStack, type Stack } from './test-support/stack.js';

jest.setTimeout(300_000);
let s: Stack;
afterAll(async () => s?.close());

it('runs one heavy step at a time with PROVISIONING_CONCURRENCY=1 and shows the others queued', async () => {
  s = await makeStack({ PROVISIONING_CONCURRENCY: '1', BENCH_SIM_LATENCY: 'new-site:2500ms,*:0ms' });
  const svc = await s.start();
  const tag = randomBytes(2).toString('hex');
  const ids = [await s.signup(svc, `qa-${tag}`), await s.signup(svc, `qb-${tag}`)];
  const phases = new Set<string>();
  const seenQueuedWhileOtherRuns: boolean[] = [];
  for (let i = 0; i < 200 && seenQueuedWhileOtherRuns.length === 0; i++) {
    const views = await Promise.all(
      ids.map(async (id) => (await (await fetch(`${svc.url}/v1/tenants/${id}`, { headers: { authorization: `Bearer ${API_SECRET}` } })).json()) as { phase: string; running: { key: string } | null }),
    );
    for (const v of views) phases.add(v.phase);
    if (views.some((v) => v.phase === 'queued') && views.some((v) => v.running?.key === 'new-site')) seenQueuedWhileOtherRuns.push(true);
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(seenQueuedWhileOtherRuns).toEqual([true]);
  for (const id of ids) await s.waitFor(id, ['Active']);
  // The two new-site runs never overlapped.
  const runs = s.simLog().filter((l) => l.command === 'new-site');
  const spans = runs
    .filter((l) => l.event === 'exit')
    .map((l) => [Date.parse(String(l.time)) - Number(l.durationMs), Date.parse(String(l.time))])
    .sort((a, b) => a[0] - b[0]);
  expect(spans).toHaveLength(2);
  expect(spans[1][0]).toBeGreaterThanOrEqual(spans[0][1]);
});
