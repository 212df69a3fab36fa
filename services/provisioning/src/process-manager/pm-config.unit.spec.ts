import { backoffMs } from '../tenants/decide-next.js';
import { parsePmConfig, siteUrlFor } from './pm-config.js';

describe('process manager config', () => {
  it('has safe defaults and refuses bad numbers naming the variable', () => {
    const c = parsePmConfig({});
    expect([c.enabled, c.maxAttempts]).toEqual([true, 5]);
    expect(Object.isFrozen(c)).toBe(true);
    expect(() => parsePmConfig({ PM_MAX_ATTEMPTS: '0' })).toThrow('PM_MAX_ATTEMPTS');
    expect(() => parsePmConfig({ BENCH_STEP_TIMEOUT_MS: 'soon' })).toThrow('BENCH_STEP_TIMEOUT_MS');
    expect(parsePmConfig({ PM_ENABLED: 'false' }).enabled).toBe(false);
  });

  it('refuses a dead-runner time that a live runner could miss between two beats', () => {
    expect(parsePmConfig({}).runnerDeadAfterMs).toBe(20_000);
    expect(() => parsePmConfig({ PM_HEARTBEAT_MS: '5000', PM_RUNNER_DEAD_AFTER_MS: '10000' })).toThrow('PM_RUNNER_DEAD_AFTER_MS');
  });

  it('backs off exponentially, bounded, with at most 20 % jitter below the bound', () => {
    const c = { backoffBaseMs: 1000, backoffMaxMs: 10_000 };
    expect([1, 2, 3, 4, 5, 9].map((a) => backoffMs(c, a, 1))).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
    expect(backoffMs(c, 1, 0)).toBe(800);
  });

  it('builds the site URL from the template', () => {
    expect(siteUrlFor('http://{subdomain}.example.localhost:3000', 'acme', 'acme.example.localhost')).toBe('http://acme.example.localhost:3000');
    expect(siteUrlFor('https://{site}', 'acme', 'acme.example.com')).toBe('https://acme.example.com');
  });
});
