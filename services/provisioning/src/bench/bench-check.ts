/**
 * What the service checks about its bench before it starts (main.ts), so a bench that cannot
 * work stops start-up naming the setting to fix (exit 78) instead of failing every signup:
 * - BENCH_BIN must start (a dry `bench --version`);
 * - new-site needs a database root password: BENCH_DB_ROOT_PASSWORD or common_site_config.json's
 *   root_password. Without either, real bench asks on a terminal it does not have and ends with
 *   `Aborted!`, leaving a half site (recorded on Frappe v15.50, docs/bench.md);
 * - bench refuses to run as root ("You should not run this command as root") unless
 *   frappe_user is set in common_site_config.json.
 */
import { execa } from 'execa';
import { readFile } from 'node:fs/promises';
import { ConfigError } from '../config/env.js';
import type { BenchConfig } from './bench-config.js';
import { allowedEnv } from './bench-runner.js';
import { commonConfigFile } from './site-config-file.js';

export interface BenchFacts {
  /** The first line `bench --version` printed, when it answered. */
  readonly version?: string;
}

const PROBE_TIMEOUT_MS = 20_000;

export async function checkBench(c: BenchConfig, opts: { uid?: number; env?: NodeJS.ProcessEnv } = {}): Promise<BenchFacts> {
  const file = commonConfigFile(c.path);
  const common = await readCommonConfig(file);
  if (!c.root.password && !(typeof common.root_password === 'string' && common.root_password !== '')) {
    throw new ConfigError(
      'BENCH_DB_ROOT_PASSWORD',
      `is not set and ${file} has no root_password: bench would ask for it on a terminal and abort every new-site. Set it to the password of the MariaDB admin user (BENCH_DB_ROOT_USERNAME, now "${c.root.username}").`,
    );
  }
  const uid = opts.uid ?? process.getuid?.();
  if (uid === 0 && !common.frappe_user) {
    throw new ConfigError('BENCH_PATH', `names a bench that refuses to run as root: set frappe_user in ${file} (the user that owns the bench), or run the service as that user.`);
  }
  const probe = await execa(c.bin, ['--version'], { cwd: c.path, env: allowedEnv(opts.env ?? process.env), extendEnv: false, stdin: 'ignore', timeout: PROBE_TIMEOUT_MS, reject: false });
  if (probe.code === 'ENOENT' || probe.code === 'EACCES')
    throw new ConfigError('BENCH_BIN', `"${c.bin}" cannot be started (${probe.code}): set it to the bench executable (\`which bench\` as the bench's user).`);
  if (probe.timedOut) throw new ConfigError('BENCH_BIN', `"${c.bin} --version" did not answer within ${PROBE_TIMEOUT_MS / 1000} s.`);
  // A bench that starts but cannot answer (a broken virtualenv: ModuleNotFoundError, exit 1) would fail every command.
  if (probe.exitCode !== 0) {
    const said =
      String(probe.stderr || probe.stdout)
        .trim()
        .split('\n')
        .at(-1)
        ?.slice(0, 200) ?? '';
    throw new ConfigError('BENCH_BIN', `"${c.bin} --version" exited with ${probe.exitCode ?? probe.signal}${said ? `: ${said}` : ''}.`);
  }
  const version = String(probe.stdout).split('\n')[0]?.trim();
  return version ? { version } : {};
}

async function readCommonConfig(file: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new ConfigError('BENCH_PATH', `is not a frappe-bench folder: ${file} cannot be read (create the bench with \`bench init\`, or point BENCH_PATH at it).`);
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    throw new ConfigError('BENCH_PATH', `has a ${file} that is not JSON.`);
  }
}
