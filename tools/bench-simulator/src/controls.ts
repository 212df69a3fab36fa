/**
 * Test controls read from the environment: latency, failure injection and hangs per command.
 *   BENCH_SIM_LATENCY=new-site:20s,install-app:40s,*:10ms   (units ms, s, m; bare number = ms)
 *   BENCH_SIM_FAIL=install-app:erpnext,new-site,add-system-manager=lock*2,drop-site=db-down
 *     entry = command[:target][=kind][*times]; kind: error (default, permanent), lock (lock held),
 *     db-down (connection refused); times: fail only the first N matching calls (per bench).
 *   BENCH_SIM_HANG=new-site[:target]
 *   BENCH_SIM_PROFILE=frappe-v15   (named latencies and a shared CPU: profile.ts)
 * A latency entry may name a target too: execute:frappe.db.get_value:1s.
 * A target is the app for install-app, the site for site commands, the method for execute.
 */
import { profileNamed, type Profile } from './profile.js';

export type FailKind = 'error' | 'lock' | 'db-down';

export interface FailRule {
  readonly command: string;
  readonly target?: string;
  readonly kind: FailKind;
  readonly times?: number;
  /** The entry as written; the key of its call counter. */
  readonly spec: string;
}

export interface Controls {
  readonly latencyMs: ReadonlyMap<string, number>;
  /** BENCH_SIM_PROFILE's (profile.ts): used where BENCH_SIM_LATENCY names neither the command nor command:target. */
  readonly profile?: Profile;
  readonly fail: readonly FailRule[];
  readonly hang: readonly { command: string; target?: string }[];
}

export function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(text.trim());
  if (!m) throw new Error(`Bad duration "${text}" (use e.g. 250ms, 20s, 1m)`);
  const n = Number(m[1]);
  return Math.round(m[2] === 's' ? n * 1000 : m[2] === 'm' ? n * 60_000 : n);
}

const entries = (v: string | undefined): string[] =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export function parseControls(env: NodeJS.ProcessEnv): Controls {
  const latencyMs = new Map<string, number>();
  for (const e of entries(env.BENCH_SIM_LATENCY)) {
    const i = e.lastIndexOf(':');
    if (i < 1) throw new Error(`BENCH_SIM_LATENCY entry "${e}" must be command:duration`);
    latencyMs.set(e.slice(0, i), parseDuration(e.slice(i + 1)));
  }
  const fail = entries(env.BENCH_SIM_FAIL).map((spec): FailRule => {
    const m = /^([a-z-]+)(?::([^=*]+))?(?:=(error|lock|db-down))?(?:\*(\d+))?$/.exec(spec);
    if (!m) throw new Error(`BENCH_SIM_FAIL entry "${spec}" must be command[:target][=error|lock|db-down][*times]`);
    return { command: m[1], target: m[2], kind: (m[3] as FailKind) ?? 'error', times: m[4] ? Number(m[4]) : undefined, spec };
  });
  const hang = entries(env.BENCH_SIM_HANG).map((e) => {
    const [command, target] = e.split(':');
    return { command, target };
  });
  return { latencyMs, fail, hang, profile: profileNamed(env.BENCH_SIM_PROFILE?.trim()) };
}

/** `command:target` before `command` (e.g. execute's method), BENCH_SIM_LATENCY before the profile, then `*`. */
export function latencyFor(c: Controls, command: string, targets: readonly string[] = []): number {
  const keys = [...targets.map((t) => `${command}:${t}`), command];
  for (const table of [c.latencyMs, c.profile?.latencyMs]) {
    for (const k of keys) {
      const ms = table?.get(k);
      if (ms !== undefined) return ms;
    }
  }
  return c.latencyMs.get('*') ?? 0;
}

const matches = (rule: { command: string; target?: string }, command: string, targets: readonly string[]): boolean =>
  rule.command === command && (rule.target === undefined || targets.includes(rule.target));

export const findFailRules = (c: Controls, command: string, targets: readonly string[]): FailRule[] => c.fail.filter((r) => matches(r, command, targets));

export const shouldHang = (c: Controls, command: string, targets: readonly string[]): boolean => c.hang.some((r) => matches(r, command, targets));
