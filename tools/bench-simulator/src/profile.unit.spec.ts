import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { latencyFor, parseControls } from './controls.js';
import { spendShared } from './profile.js';

describe('BENCH_SIM_PROFILE', () => {
  it('frappe-v15 gives the recorded latencies, per execute method too; BENCH_SIM_LATENCY overrides it', () => {
    const c = parseControls({ BENCH_SIM_PROFILE: 'frappe-v15' });
    expect(['new-site', 'add-system-manager', 'set-config', 'add-domain', 'drop-site'].map((k) => latencyFor(c, k, []))).toEqual([40_000, 5_200, 1_300, 500, 1_500]);
    expect(latencyFor(c, 'execute', ['frappe.db.get_value', 's.test'])).toBe(1_100);
    expect(latencyFor(c, 'execute', ['frappe.core.doctype.user.user.generate_keys', 's.test'])).toBe(3_000);
    const mixed = parseControls({ BENCH_SIM_PROFILE: 'frappe-v15', BENCH_SIM_LATENCY: 'new-site:2s,execute:frappe.db.get_value:5ms,*:1ms' });
    expect([latencyFor(mixed, 'new-site'), latencyFor(mixed, 'execute', ['frappe.db.get_value']), latencyFor(mixed, 'set-config'), latencyFor(mixed, 'frobnicate')]).toEqual([2_000, 5, 1_300, 1]);
    expect(() => parseControls({ BENCH_SIM_PROFILE: 'frappe-v99' })).toThrow(/not one of: frappe-v15/);
    expect(parseControls({}).profile).toBeUndefined();
  });

  it('shares one CPU between the commands of a bench: two at once take twice as long each', async () => {
    const root = mkdtempSync(join(tmpdir(), 'bench-sim-cpu-'));
    try {
      const t0 = Date.now();
      await spendShared(root, process.pid, 300, undefined, 20);
      const alone = Date.now() - t0;
      // Two invocations (this process stands in for both: the second registers a live pid of its own, its parent's).
      const t1 = Date.now();
      await Promise.all([spendShared(root, process.pid, 300, undefined, 20), spendShared(root, process.ppid, 300, undefined, 20)]);
      const both = Date.now() - t1;
      expect(alone).toBeGreaterThanOrEqual(290);
      expect(alone).toBeLessThan(450);
      expect(both).toBeGreaterThanOrEqual(550);
      expect(both).toBeLessThan(900);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
