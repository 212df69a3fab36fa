/** Runs the built simulator as a real process in a throw-away bench. */
import { execa, type ResultPromise } from 'execa';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Whether a process still runs; a zombie (killed, not yet reaped by init) counts as dead. */
export const alive = (pid: number): boolean => {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

export const SIM_BIN = resolve(dirname(fileURLToPath(import.meta.url)), '../../bin/bench-sim.js');

export interface TmpBench {
  readonly root: string;
  /** `input`: bench's stdin (getpass reads it); none: an empty stdin (EOF at once). */
  run(args: string[], env?: Record<string, string>, input?: string): ResultPromise<{ reject: false }>;
  log(): Array<Record<string, unknown>>;
  cleanup(): void;
}

export async function makeBench(): Promise<TmpBench> {
  const parent = mkdtempSync(join(tmpdir(), 'bench-sim-'));
  const root = join(parent, 'frappe-bench');
  await execa(process.execPath, [SIM_BIN, 'init', root]);
  return {
    root,
    run: (args, env = {}, input = '') => execa(process.execPath, [SIM_BIN, ...args], { cwd: root, reject: false, input, env: { BENCH_SIM_MARIADB_URL: '', FRAPPE_SITE: '', ...env }, extendEnv: true }),
    log: () =>
      readFileSync(join(root, 'logs', 'bench-sim.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>),
    cleanup: () => rmSync(parent, { recursive: true, force: true }),
  };
}
