/**
 * `npm run soak [-- --store postgres] [--tenants 200] [--seed N]`: signups with random injected
 * bench failures while the provisioning process is SIGKILLed and restarted at random moments;
 * then the checks in checks.ts. Exits 1 on any violation, 2 on a harness failure.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { isSettled } from '@tlc/tenant-events';
import { forEachConcurrently } from '../harness/concurrency.js';
import { logToStderr } from '../harness/context.js';
import { DEFAULT_POSTGRES_URL, createTempDatabase, type TempDatabase } from '../harness/postgres.js';
import { Stack, ROOT_DOMAIN, type StoreKind } from '../stack/stack.js';
import { postSignup, signupFor } from '../stack/client.js';
import { byStream, readWholeLog, tenantsOf, withEventStore } from '../stack/tenants.js';
import { between, planFailures, seededRandom, type Random } from './plan.js';
import { candidateDatabases, checkChains, checkDatabases, checkRecovery, checkSiteFolders, checkSubdomains, checkTerminal, dropDatabases, existingDatabases, type CheckResult } from './checks.js';
import { checkReadModel, waitForProjector } from './read-model-check.js';

const USAGE = `usage: npm run soak -- [--store sqlite|postgres] [--tenants 200] [--fail-rate 0.3] [--seed N]
  [--clients 8] [--concurrency 4] [--kill-ms 8000-20000] [--min-kills 5] [--latency "new-site:300ms,*:40ms"] [--minutes 15] [--keep]
  env BENCH_SIM_MARIADB_URL (default mysql://root@127.0.0.1:3306), BENCH_POSTGRES_URL (default ${DEFAULT_POSTGRES_URL})`;

const log = logToStderr;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function range(text: string): [number, number] {
  const m = /^(\d+)-(\d+)$/.exec(text);
  if (!m || Number(m[1]) > Number(m[2])) throw new Error(`--kill-ms must look like 1500-6000, got "${text}"`);
  return [Number(m[1]), Number(m[2])];
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      store: { type: 'string', default: 'sqlite' },
      tenants: { type: 'string', default: '200' },
      'fail-rate': { type: 'string', default: '0.3' },
      seed: { type: 'string' },
      clients: { type: 'string', default: '8' },
      concurrency: { type: 'string', default: '4' },
      'kill-ms': { type: 'string', default: '8000-20000' },
      'min-kills': { type: 'string', default: '5' },
      latency: { type: 'string', default: 'new-site:300ms,install-app:200ms,*:40ms' },
      minutes: { type: 'string', default: '15' },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const store = values.store as StoreKind;
  if (store !== 'sqlite' && store !== 'postgres') {
    console.error(USAGE);
    return 2;
  }
  const tenants = Number(values.tenants);
  const seed = values.seed !== undefined ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
  const random: Random = seededRandom(seed);
  const [killMin, killMax] = range(values['kill-ms']!);
  const minKills = Number(values['min-kills']);
  const deadline = Date.now() + Number(values.minutes) * 60_000;
  const mariadbUrl = process.env.BENCH_SIM_MARIADB_URL || 'mysql://root@127.0.0.1:3306';
  const postgresUrl = process.env.BENCH_POSTGRES_URL ?? DEFAULT_POSTGRES_URL;
  const tag = seed
    .toString(36)
    .slice(-4)
    .replace(/^[0-9]/, 'x');

  const signups = Array.from({ length: tenants }, (_, i) => signupFor(tag, i));
  const plan = planFailures(
    random,
    signups.map((s) => `${s.subdomain}.${ROOT_DOMAIN}`),
    Number(values['fail-rate']),
  );
  const fates = new Map<string, number>();
  for (const p of plan) fates.set(p.fate, (fates.get(p.fate) ?? 0) + 1);
  log(`soak on ${store}: ${tenants} signups, seed ${seed} (replay with --seed ${seed}), fates: ${[...fates].map(([f, n]) => `${f} ${n}`).join(', ')}`);

  const stack = await Stack.create({
    store,
    postgresUrl,
    log,
    env: {
      BENCH_SIM_FAIL: plan.flatMap((p) => p.rules).join(','),
      BENCH_SIM_LATENCY: values.latency,
      BENCH_SIM_MARIADB_URL: mariadbUrl,
      PROVISIONING_CONCURRENCY: values.concurrency,
      ...SOAK_SERVICE_ENV,
    },
  });
  let freshDb: TempDatabase | undefined;
  let ourDatabases: string[] = [];
  // Ctrl-C mid-soak still removes the service, projector, folders and databases.
  const interrupted = async (signal: string) => {
    log(`${signal}: cleaning up`);
    await stack.cleanup();
    process.exit(130);
  };
  process.once('SIGINT', () => void interrupted('SIGINT'));
  process.once('SIGTERM', () => void interrupted('SIGTERM'));
  try {
    await stack.startService();
    stack.startProjector();

    // ---- chaos: SIGKILL the service at random moments while signups arrive ----
    let posting = true;
    let stopKilling = false;
    let kills = 0;
    const restarts: { killedAt: number; upAt: number }[] = [];
    const tenantIds: string[] = [];
    const killer = (async () => {
      while (!stopKilling && Date.now() < deadline && (posting || kills < minKills)) {
        await sleep(between(random, killMin, killMax));
        const killedAt = Date.now();
        await stack.killService();
        kills += 1;
        await sleep(between(random, 0, 800));
        for (let attempt = 1; ; attempt++) {
          try {
            const t0 = Date.now();
            await stack.startService();
            restarts.push({ killedAt, upAt: Date.now() });
            log(`SIGKILL #${kills}; restarted in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
            break;
          } catch (error) {
            if (attempt >= 3) throw error;
            log(`restart ${attempt} failed: ${(error as Error).message.split('\n')[0]}`);
          }
        }
      }
    })();
    killer.catch((e: Error) => log(`restarting the service failed: ${e.message.split('\n')[0]}`));
    const started = Date.now();
    try {
      await forEachConcurrently(signups, Number(values.clients), async (body, i) => {
        const answer = await postSignup(() => stack.baseUrl, stack.authHeaders, body, { retryForMs: 180_000 });
        tenantIds[i] = answer.tenantId;
      });
    } catch (error) {
      stopKilling = true;
      await killer.catch(() => undefined);
      throw error;
    } finally {
      posting = false;
    }
    log(`all ${tenants} signups accepted in ${((Date.now() - started) / 1000).toFixed(1)} s; ${kills} kills so far`);
    await killer;
    log(`chaos over after ${kills} kills; waiting for every tenant to settle`);

    // ---- settle ----
    let settled = false;
    let last = '';
    while (Date.now() < deadline) {
      const views = await withEventStore(stack.eventStoreUrl, async (es) => tenantsOf(byStream(await readWholeLog(es))));
      const open = views.filter((v) => !isSettled(v.state.status));
      const summary = `${views.length - open.length}/${views.length} settled`;
      if (summary !== last) log(summary);
      last = summary;
      if (views.length >= tenants && open.length === 0) {
        settled = true;
        break;
      }
      await sleep(1000);
    }
    if (!settled) log('deadline reached before every tenant settled: checking what there is');
    await stack.service?.stop();

    // ---- checks ----
    const results: CheckResult[] = [];
    await withEventStore(stack.eventStoreUrl, async (es) => {
      const log_ = await readWholeLog(es);
      const streams = byStream(log_);
      const views = tenantsOf(streams).filter((v) => tenantIds.includes(v.tenantId) || v.state.subdomain?.startsWith(`s${tag}`));
      results.push(checkTerminal(views, tenants));
      results.push(checkRecovery(streams, restarts, 60_000));
      results.push(checkSiteFolders(views, stack.benchPath));
      ourDatabases = await existingDatabases(mariadbUrl, candidateDatabases(views, stack.benchPath));
      results.push(checkDatabases(views, ourDatabases));
      results.push(checkSubdomains(views));
      await waitForProjector(es, stack.readModelUrl, 60_000);
      let freshUrl = `sqlite:${join(stack.dir, 'rebuilt-read-model.db')}`;
      if (store === 'postgres') {
        freshDb = await createTempDatabase(postgresUrl, 'tlc_soak');
        freshUrl = freshDb.url;
      }
      results.push(await checkReadModel(es, stack.readModelUrl, freshUrl));
      results.push(checkChains(streams));
      log(`${log_.length} events in ${streams.size} streams`);
    });

    const width = Math.max(...results.map((r) => r.name.length));
    console.log(`\nsoak on ${store}: ${tenants} signups, ${kills} SIGKILLs of the provisioning service, seed ${seed}`);
    console.log(`injected: ${[...fates].map(([f, n]) => `${f} ${n}`).join(', ')}\n`);
    for (const r of results) console.log(`${r.ok ? 'PASS' : 'FAIL'}  ${r.name.padEnd(width)}  ${r.detail}`);
    const failed = results.filter((r) => !r.ok);
    console.log(failed.length === 0 ? '\nall checks passed' : `\n${failed.length} check(s) FAILED (replay with --seed ${seed})`);
    return failed.length === 0 ? 0 : 1;
  } finally {
    if (!values.keep) {
      await dropDatabases(mariadbUrl, ourDatabases).catch((e: Error) => log(`could not drop MariaDB databases: ${e.message}`));
      await freshDb?.drop().catch(() => undefined);
      await stack.cleanup();
    } else {
      await stack.service?.stop().catch(() => undefined);
      await stack.projector?.stop().catch(() => undefined);
      log(`kept ${stack.dir}`);
    }
  }
}

/**
 * Service settings: the default step timeouts and leases (a killed runner's steps are taken
 * over on its heartbeat, PM_RUNNER_DEAD_AFTER_MS, not when a 45-minute lease runs out);
 * retries back off from 100 ms so injected transient failures settle in seconds.
 */
const SOAK_SERVICE_ENV: Record<string, string> = {
  PM_BACKOFF_BASE_MS: '100',
  PM_BACKOFF_MAX_MS: '1000',
  PM_SCAN_INTERVAL_MS: '500',
  PM_MAX_ATTEMPTS: '6',
};

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    console.error(`soak: harness failure: ${error.stack ?? error.message}`);
    process.exitCode = 2;
  },
);
