/**
 * Named latency profiles (BENCH_SIM_PROFILE) and the CPU model that goes with them. The
 * `frappe-v15` profile is the recording's wall-clock times on two cores (fixtures/frappe-v15,
 * README "Timings"); every real bench command is CPU-bound (a cold Python start and Frappe
 * import, then the work), and two new-sites at once took 79 s each instead of 40: so under a
 * profile the commands running in one bench share one CPU's worth of progress. Entries of
 * BENCH_SIM_LATENCY for a command override the profile's.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { alive } from './lock.js';

export interface Profile {
  /** Milliseconds per `command` or `command:target` (the target as in BENCH_SIM_FAIL: method, app, site). */
  readonly latencyMs: ReadonlyMap<string, number>;
  /** Commands running at once in one bench share the CPU: each progresses at 1/n of real time. */
  readonly sharedCpu: boolean;
}

export const PROFILES: Readonly<Record<string, Profile>> = {
  'frappe-v15': {
    latencyMs: new Map([
      ['new-site', 40_000],
      // Not recorded (ERPNext was not installed); reported elsewhere as several minutes.
      ['install-app', 180_000],
      ['add-system-manager', 5_200],
      ['add-user', 5_200],
      ['execute', 1_100],
      ['execute:frappe.core.doctype.user.user.generate_keys', 3_000],
      ['set-config', 1_300],
      ['set-admin-password', 1_300],
      // Not recorded: set_user_password as set-admin-password.
      ['set-password', 1_300],
      // Not recorded: a cold start and one write, as set-config.
      ['enable-scheduler', 1_300],
      // Frappe's REST API on gunicorn (2 workers), medians of 10 on v15.50: POST /api/resource/User
      // with new_password and roles 564 ms, generate_keys 576 ms, a GET 54 ms (issue 16).
      ['api-create-user', 564],
      ['api-generate-keys', 576],
      ['api-get', 54],
      ['add-domain', 500],
      ['drop-site', 1_500],
    ]),
    sharedCpu: true,
  },
};

export function profileNamed(name: string | undefined): Profile | undefined {
  if (!name) return undefined;
  const p = PROFILES[name];
  if (!p) throw new Error(`BENCH_SIM_PROFILE "${name}" is not one of: ${Object.keys(PROFILES).join(', ')}`);
  return p;
}

/** Commands of this bench spending CPU right now: one file per invocation pid, a dead owner's ignored. */
function running(dir: string): number {
  let n = 0;
  for (const f of readdirSync(dir)) if (alive(Number(f))) n++;
  return Math.max(1, n);
}

/**
 * Spends `ms` of CPU work. Alone it takes `ms`; beside n-1 other commands of the same bench each
 * progresses at 1/n, re-counted every tick, so two 40 s new-sites both end after about 80 s.
 */
export async function spendShared(benchRoot: string, pid: number, ms: number, signal?: AbortSignal, tickMs = 100): Promise<void> {
  const dir = join(benchRoot, 'logs', 'bench-sim-cpu');
  mkdirSync(dir, { recursive: true });
  const mine = join(dir, String(pid));
  writeFileSync(mine, '');
  try {
    let done = 0;
    while (done < ms) {
      const n = running(dir);
      const slice = Math.min(tickMs, (ms - done) * n);
      await sleep(slice, undefined, { signal });
      done += slice / n;
    }
  } finally {
    rmSync(mine, { force: true });
  }
}
