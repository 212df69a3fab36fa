/**
 * What every simulated command gets: the bench, its output streams, the test controls and the
 * injection points. `step()` is where a command spends its simulated time and where injected
 * failures and hangs strike, so tests can land a crash in the middle of a real step. It is
 * also where an abandoned invocation (daemon mode: its client was killed) stops.
 */
import { appendFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Bench } from './bench-dir.js';
import { findFailRules, latencyFor, shouldHang, type Controls, type FailRule } from './controls.js';
import { BenchExit, dbUnreachable, lockHeld, PyException } from './errors.js';
import { writeLog } from './invocation-log.js';
import { spendShared } from './profile.js';

export interface Ctx {
  readonly bench: Bench;
  readonly env: NodeJS.ProcessEnv;
  readonly controls: Controls;
  readonly logPath: string;
  readonly argv: string[];
  /** The `--site` given before the command, if any. */
  readonly siteFlag?: string;
  /** The invocation's pid and cwd: the bench process's own, or the client's in daemon mode. */
  readonly pid: number;
  readonly cwd: string;
  /** Aborted when the invocation is abandoned; never in process mode (a signal ends the process). */
  readonly signal?: AbortSignal;
  /** Starts the waiting "Python" grandchild of an injected hang; resolves to its pid. */
  spawnHangChild(): Promise<number | undefined>;
  /** Python's getpass without a terminal: the prompt on stderr, a line of stdin; `Aborted!` at EOF. */
  getpass(prompt: string): Promise<string>;
  out(text: string): void;
  err(text: string): void;
}

export const mariadbUrl = (ctx: Ctx): string | undefined => ctx.env.BENCH_SIM_MARIADB_URL || undefined;

/** Per-bench call counter for `*N` rules: one byte appended per call, the size is the count. */
function bumpCounter(ctx: Ctx, rule: FailRule): number {
  const file = join(ctx.bench.root, 'logs', 'bench-sim-counters', createHash('sha1').update(rule.spec).digest('hex').slice(0, 16));
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, '.');
  return statSync(file).size;
}

/** Hangs until the invocation is abandoned (process mode: until the process is killed). */
async function hangForever(ctx: Ctx, command: string): Promise<never> {
  // Real bench runs Python as a child; a grandchild proves the runner kills the whole tree.
  const childPid = await ctx.spawnHangChild();
  writeLog(ctx.logPath, { event: 'hang', pid: ctx.pid, childPid, argv: [], command, time: new Date().toISOString(), cwd: ctx.cwd });
  return new Promise<never>((_, reject) => {
    // The interval keeps a process-mode bench alive; abandoning clears it and ends the step.
    const keepAlive = setInterval(() => {}, 1 << 30);
    const stop = (): void => {
      clearInterval(keepAlive);
      reject(ctx.signal?.reason);
    };
    if (ctx.signal?.aborted) stop();
    else ctx.signal?.addEventListener('abort', stop, { once: true });
  });
}

/**
 * Spends the command's latency, then applies an injected hang or failure. `lockName` is the
 * lock the real command would hold (for the lock-held form of the failure).
 */
export async function step(ctx: Ctx, command: string, targets: readonly string[], lockName = `bench_${command.replace(/-/g, '_')}`): Promise<void> {
  // The lock of the lock-held form lives in the site's locks/ (the last target that is a site), else the bench's.
  const site = [...targets].reverse().find((t) => /^[^/\\]+$/.test(t) && t !== '.' && t !== '..' && existsSync(join(ctx.bench.sites, t, 'site_config.json')));
  ctx.signal?.throwIfAborted();
  if (shouldHang(ctx.controls, command, targets)) await hangForever(ctx, command);
  const ms = latencyFor(ctx.controls, command, targets);
  if (ms > 0 && ctx.controls.profile?.sharedCpu) await spendShared(ctx.bench.root, ctx.pid, ms, ctx.signal);
  else if (ms > 0) await sleep(ms, undefined, { signal: ctx.signal });
  for (const rule of findFailRules(ctx.controls, command, targets)) {
    if (rule.times !== undefined && bumpCounter(ctx, rule) > rule.times) continue;
    switch (rule.kind) {
      case 'lock':
        throw lockHeld(site ? ctx.bench.sitePath(site, 'locks', `${lockName}.lock`) : join(ctx.bench.root, 'locks', `${lockName}.lock`), lockName, site ? ctx.bench.siteComplete(site) : true);
      case 'db-down':
        throw dbUnreachable();
      case 'error':
        throw new PyException('frappe.exceptions.ValidationError', `Simulated failure of ${command}${rule.target ? ` (${rule.target})` : ''} (BENCH_SIM_FAIL)`);
    }
  }
}

/** Site resolution as in frappe's bench_helper: --site, FRAPPE_SITE, default_site; `all` = every site. */
export function resolveSites(ctx: Ctx): string[] {
  const site = ctx.siteFlag || ctx.env.FRAPPE_SITE || (ctx.bench.commonConfig().default_site as string | undefined);
  if (!site) throw new BenchExit(1, 'Please specify --site sitename');
  if (site === 'all') return ctx.bench.allSites();
  // v15 checks the folder only: a half site (folder, config, no database) gets past this.
  if (!existsSync(ctx.bench.sitePath(site))) throw new BenchExit(1, `Site ${site} does not exist!`);
  return [site];
}
