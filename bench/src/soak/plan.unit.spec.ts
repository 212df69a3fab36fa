import { parseControls } from '@tlc/bench-simulator';
import { planFailures, seededRandom } from './plan.js';

const sites = Array.from({ length: 200 }, (_, i) => `s${i}.soak.localhost`);

describe('soak failure plan', () => {
  it('is the same for the same seed, so a failing soak can be replayed', () => {
    expect(planFailures(seededRandom(42), sites, 0.3)).toEqual(planFailures(seededRandom(42), sites, 0.3));
    expect(planFailures(seededRandom(42), sites, 0.3)).not.toEqual(planFailures(seededRandom(43), sites, 0.3));
  });

  it('fails about the requested share of tenants, with transient and permanent fates both present', () => {
    const plan = planFailures(seededRandom(7), sites, 0.3);
    const failing = plan.filter((p) => p.fate !== 'clean');
    expect(failing.length).toBeGreaterThan(30);
    expect(failing.length).toBeLessThan(90);
    expect(plan.some((p) => p.fate === 'transient')).toBe(true);
    expect(plan.some((p) => p.fate.startsWith('permanent'))).toBe(true);
  });

  it('writes rules the simulator parses, each scoped to its own site', () => {
    const plan = planFailures(seededRandom(1), sites, 0.5);
    const controls = parseControls({ BENCH_SIM_FAIL: plan.flatMap((p) => p.rules).join(',') });
    expect(controls.fail.length).toBe(plan.reduce((n, p) => n + p.rules.length, 0));
    for (const rule of controls.fail) expect(sites).toContain(rule.target);
    const transient = controls.fail.filter((r) => r.kind !== 'error');
    expect(transient.every((r) => r.times !== undefined && r.times >= 1)).toBe(true);
  });
});
