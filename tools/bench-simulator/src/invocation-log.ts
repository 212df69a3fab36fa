/**
 * One JSON line per invocation (and one when a command starts), so tests can count what ran
 * and find the pid of a bench that is still running. Secret option values never reach the file.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

const SECRET_OPTIONS = new Set(['--admin-password', '--db-password', '--db-root-password', '--mariadb-root-password', '--root-password', '--password']);

/** Replaces the value of every secret option (`--opt value` and `--opt=value`) and set-admin-password's argument. */
export function redactArgv(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0 && SECRET_OPTIONS.has(a.slice(0, eq))) {
      out.push(`${a.slice(0, eq)}=***`);
    } else if (SECRET_OPTIONS.has(a) && i + 1 < argv.length) {
      out.push(a, '***');
      i++;
    } else if (a === 'set-admin-password' && i + 1 < argv.length && !argv[i + 1].startsWith('-')) {
      out.push(a, '***');
      i++;
    } else {
      out.push(a);
    }
  }
  return out;
}

export interface LogLine {
  readonly event: 'start' | 'exit' | 'hang';
  readonly pid: number;
  readonly argv: string[];
  readonly command?: string;
  readonly site?: string;
  readonly time: string;
  readonly cwd: string;
  readonly durationMs?: number;
  readonly exitCode?: number;
  readonly childPid?: number;
}

export const logFile = (benchRoot: string, env: NodeJS.ProcessEnv): string => env.BENCH_SIM_LOG ?? join(benchRoot, 'logs', 'bench-sim.jsonl');

export function writeLog(file: string, line: LogLine): void {
  // One write of one line below PIPE_BUF: concurrent writers (O_APPEND) never interleave.
  const text = JSON.stringify(line) + '\n';
  try {
    try {
      appendFileSync(file, text);
    } catch (e) {
      // The folder is made on first use only (two lines per command: a mkdir each was wasted work).
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      mkdirSync(dirname(file), { recursive: true });
      appendFileSync(file, text);
    }
  } catch {
    /* logging must never change the command's outcome */
  }
}
