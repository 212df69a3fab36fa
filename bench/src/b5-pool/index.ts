/**
 * B5 warm pool: signup-to-Active (POST /v1/tenants to TenantActivated recorded) with a warm pool
 * of standby sites and with none, on the real provisioning service, the bench simulator and its
 * REST server (FRAPPE_URL: a claim adds the customer's user over Frappe's REST API), under two
 * latency profiles:
 * - demo: real bench's shape scaled down 100x (new-site 20 s -> 200 ms, install-app 40 s -> 400 ms,
 *   add-system-manager 2 s -> 20 ms, execute 5 ms, add-domain 10 ms, set-config 5 ms, the REST
 *   calls 564/54 ms -> 6/1 ms). Each run posts K signups one after another; before a warm run the
 *   pool is back at K ready sites, so every signup of it is a claim. K is 20 (3 with --quick).
 *   Target: warm p95 <= cold p50 / 10.
 * - frappe-v15: BENCH_SIM_PROFILE=frappe-v15, the times measured on real Frappe v15 on two cores
 *   (new-site 40 s, install-app 180 s, CPU-shared; REST create user 564 ms). One run: 2 cold
 *   signups (~4 min each), and 5 claims from a pool filled with new-site and install-app cut to
 *   2 s each (filling it at 220 s a site would take half an hour; the claims and the refills
 *   running beside them take the profile's times). Target (issue 16): warm p95 <= 1.5 s.
 */
import { randomBytes } from 'node:crypto';
import { createEventStore } from '@tlc/event-store';
import { tenantStream } from '@tlc/tenant-events';
import type { BenchContext } from '../harness/context.js';
import { figure, unavailable, type Figure } from '../harness/figure.js';
import { percentile } from '../harness/stats.js';
import { Stack } from '../stack/stack.js';
import { postSignup, signupFor } from '../stack/client.js';
import { ActivationWatcher } from '../b4-orchestration/watcher.js';

export const B5_LATENCY = 'new-site:200ms,install-app:400ms,add-system-manager:20ms,set-password:5ms,execute:5ms,add-domain:10ms,set-config:5ms,api-create-user:6ms,api-get:1ms,api-generate-keys:6ms';

interface Profile {
  readonly name: 'demo' | 'frappe-v15';
  /** The simulator's controls for the whole run. */
  readonly env: Record<string, string>;
  /** Extra controls while the pool is first filled (the service restarts without them before signups). */
  readonly fillEnv?: Record<string, string>;
  readonly runs: (ctx: BenchContext) => number;
  readonly perRun: (ctx: BenchContext, warm: boolean) => number;
}

const PROFILES: readonly Profile[] = [
  { name: 'demo', env: { BENCH_SIM_LATENCY: B5_LATENCY }, runs: (ctx) => ctx.runs, perRun: (ctx) => (ctx.quick ? 3 : 20) },
  {
    name: 'frappe-v15',
    env: { BENCH_SIM_PROFILE: 'frappe-v15', BENCH_SIM_LATENCY: '' },
    fillEnv: { BENCH_SIM_LATENCY: 'new-site:2s,install-app:2s' },
    runs: () => 1,
    perRun: (ctx, warm) => (warm ? (ctx.quick ? 3 : 5) : ctx.quick ? 1 : 2),
  },
];

async function metric(stack: Stack, pattern: RegExp): Promise<number> {
  const text = await (await fetch(`${stack.baseUrl}/metrics`)).text();
  const m = pattern.exec(text);
  return m ? Number(m[1]) : 0;
}

/** The last StepFailed reason of a tenant that did not become Active. */
async function lastFailure(stack: Stack, tenantId: string): Promise<string> {
  const es = await createEventStore(stack.eventStoreUrl);
  try {
    const events = await es.readStream(tenantStream(tenantId));
    const failed = events.filter((e) => e.type === 'StepFailed').pop();
    return failed ? `${(failed.data as { step: string }).step}: ${(failed.data as { reason: string }).reason}` : events.map((e) => e.type).join(',');
  } catch (error) {
    return (error as Error).message;
  } finally {
    await es.close();
  }
}

async function waitForReady(stack: Stack, n: number, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while ((await metric(stack, /^provisioning_pool_sites\{state="ready"\} (\d+)/m)) < n) {
    if (Date.now() > end) throw new Error(`the pool did not reach ${n} ready standby sites in ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

interface Mode {
  readonly warm: boolean;
  readonly p50: number[];
  readonly p95: number[];
  readonly all: number[];
  readonly failed: string[];
  claims: number;
}

async function measure(ctx: BenchContext, profile: Profile, warm: boolean): Promise<Mode> {
  const perRun = profile.perRun(ctx, warm);
  const runs = profile.runs(ctx);
  const stack = await Stack.create({
    store: 'sqlite',
    postgresUrl: ctx.postgresUrl,
    log: ctx.log,
    simulator: 'daemon',
    web: true,
    env: { POOL_SIZE: warm ? String(perRun) : '0', PROVISIONING_CONCURRENCY: '2', BENCH_SIM_FAIL: '', BENCH_SIM_MARIADB_URL: '', POOL_REFILL_INTERVAL_MS: '100', ...profile.env },
  });
  const mode: Mode = { warm, p50: [], p95: [], all: [], failed: [], claims: 0 };
  try {
    if (warm && profile.fillEnv) {
      await stack.startService(profile.fillEnv);
      await waitForReady(stack, perRun, 1_800_000);
      await stack.service?.stop();
    }
    await stack.startService();
    const watcher = await ActivationWatcher.start(stack.eventStoreUrl);
    const tag = randomBytes(3)
      .toString('hex')
      .replace(/^[0-9]/, 'p');
    const label = `B5 ${profile.name} ${warm ? 'warm' : 'cold'}`;
    try {
      for (let r = 0; r < runs; r++) {
        if (warm) await waitForReady(stack, perRun, 1_800_000);
        const times: number[] = [];
        for (let i = 0; i < perRun; i++) {
          const answer = await postSignup(() => stack.baseUrl, stack.authHeaders, signupFor(`${tag}${warm ? 'w' : 'c'}`, r * perRun + i));
          try {
            const a = await watcher.waitFor(answer.tenantId, warm ? 120_000 : 1_200_000);
            times.push(a.activatedAt - answer.sentAt);
          } catch (error) {
            // A signup that did not reach Active is counted and reported, not timed.
            mode.failed.push(`${(error as Error).message}: ${await lastFailure(stack, answer.tenantId)}`);
            ctx.log(`${label}: ${mode.failed[mode.failed.length - 1]}`);
          }
        }
        if (times.length === 0) throw new Error(`no signup of run ${r + 1} reached Active (${mode.failed[0] ?? ''})`);
        mode.p50.push(percentile(times, 50));
        mode.p95.push(percentile(times, 95));
        mode.all.push(...times);
        ctx.log(`${label} run ${r + 1}/${runs}: p50 ${percentile(times, 50)} ms, p95 ${percentile(times, 95)} ms (${times.join(', ')})`);
      }
      mode.claims = await metric(stack, /^provisioning_pool_claims_total\{outcome="warm"\} (\d+)/m);
    } catch (error) {
      // Say why the service went away, if it did.
      if (stack.service?.child.exited()) throw new Error(`the provisioning service exited: ${stack.service.child.tail().slice(-600)}`);
      throw error;
    } finally {
      await watcher.stop();
    }
    return mode;
  } finally {
    await stack.cleanup();
  }
}

export async function runB5(ctx: BenchContext): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const profile of PROFILES) figures.push(...(await runProfile(ctx, profile)));
  return figures;
}

async function runProfile(ctx: BenchContext, profile: Profile): Promise<Figure[]> {
  // 20 per run (demo): the nearest-rank p95 of 10 samples is simply their maximum, one stray sample
  // (a collection, a descheduled core) and not a 95th percentile; of 20 it is the 19th.
  const p = `, ${profile.name}`;
  const names = ['signup-to-Active p50, empty pool', 'signup-to-Active p95, empty pool', 'signup-to-Active p50, warm pool', 'signup-to-Active p95, warm pool'].map((n) => n + p);
  try {
    const cold = await measure(ctx, profile, false);
    const warm = await measure(ctx, profile, true);
    const coldP50 = percentile(cold.all, 50);
    const failures = (m: Mode) => (m.failed.length ? `; ${m.failed.length} signup(s) did not reach Active and are not timed: ${m.failed[0].slice(0, 200)}` : '');
    const controls = profile.name === 'demo' ? `latencies ${B5_LATENCY}` : `BENCH_SIM_PROFILE=frappe-v15 (pool filled with ${profile.fillEnv?.BENCH_SIM_LATENCY})`;
    const note = `${profile.perRun(ctx, false)} cold / ${profile.perRun(ctx, true)} warm sequential signups per run; ${controls}; claims over REST (FRAPPE_URL)${failures(cold)}`;
    const target =
      profile.name === 'demo'
        ? { text: `<= cold p50 / 10 (${(coldP50 / 10).toFixed(0)} ms)`, check: (m: number) => m <= coldP50 / 10 }
        : { text: '<= 1500 ms (issue 16)', check: (m: number) => m <= 1500 };
    return [
      figure({ bench: 'B5', name: names[0], unit: 'ms', runs: cold.p50, notes: note }),
      figure({ bench: 'B5', name: names[1], unit: 'ms', runs: cold.p95 }),
      figure({ bench: 'B5', name: names[2], unit: 'ms', runs: warm.p50, notes: `${warm.claims} of ${warm.all.length + warm.failed.length} signups claimed a standby site${failures(warm)}` }),
      figure({ bench: 'B5', name: names[3], unit: 'ms', runs: warm.p95, target }),
    ];
  } catch (error) {
    const reason = `not available: ${(error as Error).message.split('\n')[0].slice(0, 160)}`;
    return names.map((n) => unavailable('B5', n, reason));
  }
}
