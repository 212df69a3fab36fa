/**
 * B4 orchestration overhead: signups against the real provisioning service with zero-latency
 * simulator steps, closed loop with 2 and with 8 signups in flight (the service's heavy-step
 * limit set to match, so nothing queues behind it). Per tenant: time from POST to
 * TenantActivated minus the time during which one of its bench commands was running (steps that
 * run side by side count once). The signups per level (200 by
 * default) run as 5 consecutive rounds, each round one "run" of the figure. Baseline for throughput:
 * the same bench invocations the service made, replayed by a plain execa loop at the same
 * concurrency.
 *
 * Under BENCH_SIM_PROFILE=frappe-v15 too (issue 16): the same overhead with real bench's times
 * (new-site 40 s, install-app 180 s, CPU-shared), at c=2 with 2 signups in one round (~8 min) and
 * no replay baseline (replaying would take as long again). What the profile adds is what the
 * service does while bench is slow (polling, leases, heartbeats), not bench's time itself.
 */
import { randomBytes } from 'node:crypto';
import type { BenchContext } from '../harness/context.js';
import { forEachConcurrently } from '../harness/concurrency.js';
import { figure, unavailable, type Figure } from '../harness/figure.js';
import { percentile } from '../harness/stats.js';
import { Stack } from '../stack/stack.js';
import { postSignup, signupFor } from '../stack/client.js';
import { ActivationWatcher } from './watcher.js';
import { replayBench } from './replay.js';

interface Round {
  overheads: number[];
  tenantsPerMinute: number;
  sites: string[];
}

async function serviceRounds(ctx: BenchContext, stack: Stack, concurrency: number, rounds: number, perRound: number, timeoutMs?: number): Promise<Round[]> {
  const watcher = await ActivationWatcher.start(stack.eventStoreUrl);
  const tag = randomBytes(3)
    .toString('hex')
    .replace(/^[0-9]/, 'b');
  const out: Round[] = [];
  try {
    for (let r = 0; r < rounds; r++) {
      const overheads: number[] = [];
      const sites: string[] = [];
      const started = Date.now();
      await forEachConcurrently(
        Array.from({ length: perRound }, (_, i) => r * perRound + i),
        concurrency,
        async (i) => {
          const body = signupFor(`${tag}c${concurrency}`, i);
          const answer = await postSignup(() => stack.baseUrl, stack.authHeaders, body);
          const a = await watcher.waitFor(answer.tenantId, timeoutMs);
          overheads.push(a.activatedAt - answer.sentAt - a.inBenchMs);
          sites.push(body.subdomain);
        },
      );
      out.push({ overheads, tenantsPerMinute: perRound / ((Date.now() - started) / 60_000), sites });
      ctx.log(`B4 c=${concurrency} round ${r + 1}/${rounds}: overhead p50 ${percentile(overheads, 50).toFixed(0)} ms, ${out[r].tenantsPerMinute.toFixed(0)} tenants/min`);
    }
    return out;
  } finally {
    await watcher.stop();
  }
}

export async function runB4(ctx: BenchContext): Promise<Figure[]> {
  const total = ctx.b4Signups;
  const rounds = Math.max(ctx.runs, 5);
  const figures: Figure[] = [];
  for (const concurrency of [2, 8]) {
    const label = `c=${concurrency}`;
    // A round smaller than the concurrency would never have that many signups in flight.
    const perRound = Math.max(concurrency, Math.floor(total / rounds));
    let stack: Stack | undefined;
    try {
      stack = await Stack.create({
        store: 'sqlite',
        postgresUrl: ctx.postgresUrl,
        log: ctx.log,
        simulator: 'daemon',
        env: { PROVISIONING_CONCURRENCY: String(concurrency), BENCH_SIM_LATENCY: '', BENCH_SIM_FAIL: '', BENCH_SIM_MARIADB_URL: '' },
      });
      await stack.startService();
      ctx.log(`B4 ${label}: ${rounds} rounds of ${perRound} signups`);
      const service = await serviceRounds(ctx, stack, concurrency, rounds, perRound);
      const replay = await replayBench(
        stack,
        service.map((r) => r.sites),
        concurrency,
      );
      figures.push(
        figure({
          bench: 'B4',
          name: `overhead p50, ${label}`,
          unit: 'ms',
          runs: service.map((r) => percentile(r.overheads, 50)),
          target: { text: '< 50 ms', check: (m) => m < 50 },
          notes: 'POST to TenantActivated minus time with a bench command running (overlaps once)',
        }),
        figure({ bench: 'B4', name: `overhead p99, ${label}`, unit: 'ms', runs: service.map((r) => percentile(r.overheads, 99)) }),
        figure({ bench: 'B4', name: `tenants per minute, ${label}`, unit: 'tenants/min', runs: service.map((r) => r.tenantsPerMinute), baseline: { name: 'bare execa replay', runs: replay } }),
      );
    } catch (error) {
      const reason = `not available: ${(error as Error).message.split('\n')[0].slice(0, 160)}`;
      figures.push(unavailable('B4', `overhead p50, ${label}`, reason), unavailable('B4', `overhead p99, ${label}`, reason), unavailable('B4', `tenants per minute, ${label}`, reason));
    } finally {
      await stack?.cleanup();
    }
  }
  figures.push(...(await profileLevel(ctx)));
  return figures;
}

async function profileLevel(ctx: BenchContext): Promise<Figure[]> {
  const label = 'c=2, frappe-v15';
  const signups = ctx.quick ? 1 : 2;
  let stack: Stack | undefined;
  try {
    stack = await Stack.create({
      store: 'sqlite',
      postgresUrl: ctx.postgresUrl,
      log: ctx.log,
      simulator: 'daemon',
      env: { PROVISIONING_CONCURRENCY: '2', BENCH_SIM_PROFILE: 'frappe-v15', BENCH_SIM_LATENCY: '', BENCH_SIM_FAIL: '', BENCH_SIM_MARIADB_URL: '' },
    });
    await stack.startService();
    ctx.log(`B4 ${label}: 1 round of ${signups} signups`);
    const [round] = await serviceRounds(ctx, stack, 2, 1, signups, 1_800_000);
    return [
      figure({
        bench: 'B4',
        name: `overhead p50, ${label}`,
        unit: 'ms',
        runs: [percentile(round.overheads, 50)],
        target: { text: '< 50 ms', check: (m) => m < 50 },
        notes: `${signups} signups, BENCH_SIM_PROFILE=frappe-v15, no replay baseline`,
      }),
      figure({ bench: 'B4', name: `overhead max, ${label}`, unit: 'ms', runs: [Math.max(...round.overheads)] }),
      figure({ bench: 'B4', name: `tenants per minute, ${label}`, unit: 'tenants/min', runs: [round.tenantsPerMinute] }),
    ];
  } catch (error) {
    const reason = `not available: ${(error as Error).message.split('\n')[0].slice(0, 160)}`;
    return [unavailable('B4', `overhead p50, ${label}`, reason), unavailable('B4', `overhead max, ${label}`, reason), unavailable('B4', `tenants per minute, ${label}`, reason)];
  } finally {
    await stack?.cleanup();
  }
}
