/**
 * One bench process: execa with an argument array (never a shell), its own process group, a
 * timeout that kills the whole group. Plain data in and out, so it can run on the event loop or
 * in the spawn host (spawn-host.ts) alike.
 *
 * Its own group also means no signal aimed at the starter reaches bench, so bench does not die
 * with its starter by itself: the starter keeps the groups it started (`endAll`, and a SIGKILL of
 * each on its way out), and records them in the bench folder (spawn-records.ts) for the next
 * starter in case it is killed before it can.
 */
import { execa } from 'execa';
import { endGroups, endOrphans, recordSpawn } from './spawn-records.js';

export interface SpawnRequest {
  readonly bin: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env: Record<string, string>;
  readonly timeoutMs: number;
  /** Written to bench's stdin, then closed: how a password reaches getpass without a command line (none: /dev/null). */
  readonly input?: string;
}

export interface SpawnReply {
  /** Undefined when the process could not be started (or was killed by a signal). */
  readonly exitCode?: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
  readonly shortMessage?: string;
  /** The spawn host died with the command in flight: bench may still be running, or may have finished. */
  readonly starterLost?: boolean;
}

/** How long a bench asked to stop (SIGTERM) has before it is killed. */
export const STOP_GRACE_MS = 2000;

/** The process groups this process started and that still run. */
const running = new Set<number>();

/** `onStart` gets bench's pid (= its process group) as soon as it runs. */
export async function spawnProcess(req: SpawnRequest, onStart?: (pid: number) => void): Promise<SpawnReply> {
  // A bench left by a starter that died must not run on beside this one (e.g. new-site --force on its site).
  await endOrphans(req.cwd, STOP_GRACE_MS);
  const child = execa(req.bin, req.args, {
    cwd: req.cwd,
    env: req.env,
    extendEnv: false,
    reject: false,
    ...(req.input !== undefined ? { input: req.input } : { stdin: 'ignore' as const }),
    // Own process group, so a timeout can kill bench and every process under it at once.
    detached: true,
    all: false,
    maxBuffer: 16 * 1024 * 1024,
    stripFinalNewline: true,
  });
  const pgid = child.pid;
  const unrecord = pgid ? track(req.cwd, pgid, req.args) : () => undefined;
  if (pgid) onStart?.(pgid);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    killGroup(child.pid);
  }, req.timeoutMs);
  const r = await child.finally(() => clearTimeout(timer));
  // A group whose leader exited may still have members (a grandchild): end them too.
  if (timedOut) killGroup(child.pid);
  unrecord();
  return { exitCode: r.exitCode, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? ''), timedOut, shortMessage: r.shortMessage };
}

function track(cwd: string, pgid: number, args: readonly string[]): () => void {
  // Exit handlers run synchronously: no grace, but no bench outlives an exit this process sees.
  if (!exitHooked) {
    exitHooked = true;
    process.once('exit', () => running.forEach(killGroup));
  }
  running.add(pgid);
  const unrecord = recordSpawn(cwd, pgid, args);
  return () => {
    running.delete(pgid);
    unrecord();
  };
}
let exitHooked = false;

/** Ends every bench this process started (SIGTERM, then SIGKILL after the grace): its starter is going away. */
export function endAll(graceMs = STOP_GRACE_MS): Promise<void> {
  return endGroups([...running], graceMs);
}

export function killGroup(pid: number | undefined): void {
  if (!pid) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    /* the group is already gone */
  }
}
