/**
 * One bench process: execa with an argument array (never a shell), its own process group, a
 * timeout that kills the whole group. Plain data in and out, so it can run on the event loop or
 * in the spawn host (spawn-host.ts) alike.
 */
import { execa } from 'execa';

export interface SpawnRequest {
  readonly bin: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env: Record<string, string>;
  readonly timeoutMs: number;
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

/** `onStart` gets bench's pid (= its process group) as soon as it runs. */
export async function spawnProcess(req: SpawnRequest, onStart?: (pid: number) => void): Promise<SpawnReply> {
  const child = execa(req.bin, req.args, {
    cwd: req.cwd, env: req.env, extendEnv: false, reject: false, stdin: 'ignore',
    // Own process group, so a timeout can kill bench and every process under it at once.
    detached: true, all: false, maxBuffer: 16 * 1024 * 1024, stripFinalNewline: true,
  });
  if (child.pid) onStart?.(child.pid);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    killGroup(child.pid);
  }, req.timeoutMs);
  const r = await child.finally(() => clearTimeout(timer));
  // A group whose leader exited may still have members (a grandchild): end them too.
  if (timedOut) killGroup(child.pid);
  return { exitCode: r.exitCode, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? ''), timedOut, shortMessage: r.shortMessage };
}

export function killGroup(pid: number | undefined): void {
  if (!pid) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    /* the group is already gone */
  }
}
