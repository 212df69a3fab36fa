/**
 * The soak's failure plan, fixed up front from a seed so a failing soak can be replayed: which
 * tenants meet an injected bench failure, at which command, and of which kind. Rules are
 * scoped to the tenant's site (BENCH_SIM_FAIL `command:site=kind*times`), so one tenant's
 * failure never leaks into another's.
 */
export type Random = () => number;

/** mulberry32: tiny, seedable, good enough to pick failures. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
export const between = (random: Random, min: number, max: number): number => min + Math.floor(random() * (max - min + 1));

export type Fate = 'clean' | 'transient' | 'permanent' | 'permanent+drop-retry';

export interface TenantPlan {
  readonly index: number;
  readonly siteName: string;
  readonly fate: Fate;
  readonly rules: readonly string[];
}

/** Commands whose BENCH_SIM_FAIL target is the site (so a rule can hit one tenant only). */
export const SITE_SCOPED_COMMANDS = ['new-site', 'add-system-manager', 'set-config'] as const;

export function planFailures(random: Random, siteNames: readonly string[], failRate: number): TenantPlan[] {
  return siteNames.map((siteName, index): TenantPlan => {
    const r = random();
    if (r >= failRate) return { index, siteName, fate: 'clean', rules: [] };
    const command = pick(random, SITE_SCOPED_COMMANDS);
    if (r < failRate / 2) {
      // Transient: the runner must retry with backoff and still end Active.
      return { index, siteName, fate: 'transient', rules: [`${command}:${siteName}=${pick(random, ['lock', 'db-down'])}*${between(random, 1, 2)}`] };
    }
    // Permanent: compensation (drop-site) must leave nothing behind; sometimes the drop itself
    // meets a transient failure first.
    const dropRetry = random() < 0.25;
    return {
      index,
      siteName,
      fate: dropRetry ? 'permanent+drop-retry' : 'permanent',
      rules: [`${command}:${siteName}=error`, ...(dropRetry ? [`drop-site:${siteName}=lock*1`] : [])],
    };
  });
}
