/**
 * The start-up check of the bench (bench-check.ts), on real folders and real processes: each
 * setting that would make every signup fail stops start-up naming the variable, and the
 * service's entry point exits 78 with that message.
 */
import { execa } from 'execa';
import { chmodSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SIM_BIN } from '../../../../tools/bench-simulator/src/test-support/sim.js';
import { ConfigError } from '../config/env.js';
import { checkBench } from './bench-check.js';
import { parseBenchConfig } from './bench-config.js';

const MAIN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'main.js');
let dir: string;
let bin: string;
const bench = (common: Record<string, unknown>): string => {
  const path = mkdtempSync(join(dir, 'bench-'));
  mkdirSync(join(path, 'sites'));
  writeFileSync(join(path, 'sites', 'common_site_config.json'), JSON.stringify(common));
  return path;
};
const failure = async (p: Promise<unknown>): Promise<ConfigError> => {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ConfigError);
  return e as ConfigError;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bench-check-'));
  bin = join(dir, 'bench');
  writeFileSync(bin, `#!/bin/sh\nexec "${process.execPath}" "${SIM_BIN}" "$@"\n`);
  chmodSync(bin, 0o755);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('passes a bench with a root password in common_site_config.json, or one given in BENCH_DB_ROOT_PASSWORD', async () => {
  await expect(checkBench(parseBenchConfig({ BENCH_BIN: bin, BENCH_PATH: bench({ root_password: 'x', frappe_user: 'frappe' }) }), { uid: 0 })).resolves.toEqual({ version: '5.22.3' });
  await expect(checkBench(parseBenchConfig({ BENCH_BIN: bin, BENCH_PATH: bench({ frappe_user: 'frappe' }), BENCH_DB_ROOT_PASSWORD: 'pw' }), { uid: 0 })).resolves.toBeDefined();
});

it('refuses a bench with no usable root password (real bench would prompt, then abort every new-site)', async () => {
  for (const common of [{}, { root_password: '' }]) {
    const e = await failure(checkBench(parseBenchConfig({ BENCH_BIN: bin, BENCH_PATH: bench(common) }), { uid: 1000 }));
    expect(e.variable).toBe('BENCH_DB_ROOT_PASSWORD');
    expect(e.message).toContain('root_password');
  }
});

it('refuses to drive bench as root unless frappe_user is set, as bench itself does', async () => {
  const path = bench({ root_password: 'x' });
  const e = await failure(checkBench(parseBenchConfig({ BENCH_BIN: bin, BENCH_PATH: path }), { uid: 0 }));
  expect([e.variable, e.message]).toEqual(['BENCH_PATH', expect.stringContaining('frappe_user')]);
  await expect(checkBench(parseBenchConfig({ BENCH_BIN: bin, BENCH_PATH: path }), { uid: 1000 })).resolves.toBeDefined();
});

it('names BENCH_PATH for a folder that is no bench, and BENCH_BIN for an executable that does not start', async () => {
  expect((await failure(checkBench(parseBenchConfig({ BENCH_BIN: bin, BENCH_PATH: join(dir, 'nowhere') }), { uid: 1000 }))).variable).toBe('BENCH_PATH');
  const e = await failure(checkBench(parseBenchConfig({ BENCH_BIN: join(dir, 'no-such-bench'), BENCH_PATH: bench({ root_password: 'x' }) }), { uid: 1000 }));
  expect([e.variable, e.message]).toEqual(['BENCH_BIN', expect.stringContaining('ENOENT')]);
});

it('names BENCH_BIN for a bench that starts but cannot answer (a broken virtualenv)', async () => {
  const broken = join(dir, 'broken-bench');
  writeFileSync(broken, `#!/bin/sh\necho "ModuleNotFoundError: No module named 'bench'" >&2\nexit 1\n`);
  chmodSync(broken, 0o755);
  const e = await failure(checkBench(parseBenchConfig({ BENCH_BIN: broken, BENCH_PATH: bench({ root_password: 'x' }) }), { uid: 1000 }));
  expect([e.variable, e.message]).toEqual(['BENCH_BIN', expect.stringContaining("exited with 1: ModuleNotFoundError: No module named 'bench'")]);
});

it('the service exits 78 naming the variable, before it opens anything', async () => {
  const r = await execa(process.execPath, [MAIN], {
    reject: false,
    extendEnv: false,
    env: {
      PATH: process.env.PATH,
      PROVISIONING_API_SECRET: 'x'.repeat(32),
      SECRETS_KEY: 'ab'.repeat(32),
      EVENT_STORE_URL: `sqlite:${join(dir, 'never.db')}`,
      BENCH_BIN: bin,
      BENCH_PATH: bench({ frappe_user: 'frappe' }),
    },
    timeout: 60_000,
  });
  expect(r.exitCode).toBe(78);
  expect(r.stderr).toContain('refusing to start: BENCH_DB_ROOT_PASSWORD');
});
