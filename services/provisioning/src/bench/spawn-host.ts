/**
 * Bench processes are started by a small helper process (spawn-host-main.ts), not by the
 * service. `fork` copies the page tables of the process that calls it and holds the other
 * threads of that process up meanwhile: from the ~250 MB service each start cost ~7 ms and
 * stalled the event loop, even from a worker thread; from a ~70 MB process that only runs execa
 * it costs less and the service does not notice. Three chained warm-path steps (5 commands)
 * took 92 ms from a 270 MB process and 48 ms through such a helper (docs/performance.md, B5).
 *
 * Nothing durable lives in the helper: when it dies (or stops answering) the benches it started
 * are ended and its commands fail as transient (their steps are redone), and the next command
 * starts a new host. It lives as long as its parent and no longer: it watches the IPC channel, a
 * lifeline pipe and its ppid (parent-watch.ts), and when the parent goes (disconnect, exit,
 * SIGKILL) or it gets a SIGTERM, it ends the benches it started and exits. It ignores the
 * terminal's Ctrl-C, so a service shutting down gracefully still gets its commands' answers.
 */
import { fork, type ChildProcess, type StdioOptions } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { killGroup, spawnProcess, type SpawnReply, type SpawnRequest } from './spawn-process.js';

export type Spawner = (req: SpawnRequest) => Promise<SpawnReply>;

/** Parent -> host: one command. Host -> parent: `ready` once, then per command its pid and its reply. */
export type HostRequest = { readonly id: number; readonly req: SpawnRequest };
export type HostMessage = { readonly ready: true } | { readonly id: number; readonly pid: number } | { readonly id: number; readonly reply: SpawnReply };

/**
 * The host's V8 flags (not the service's: profiling, heap size). Single-threaded: after each
 * fork every page the host writes faults once (copy-on-write), and with V8's helper threads each
 * fault also flushes the TLBs of other cores; one thread cut the host's CPU per command by ~20 %.
 * But one thread also means every optimising compile and every young-generation collection
 * stops the host, and with it the exits of the benches it started: B5 showed stalls of 20-50 ms
 * right after a burst of starts. So no optimising compilers (TurboFan, and Maglev where a newer
 * Node turns it on by default): the host's own code is a few calls per command, which the
 * interpreter and the baseline compiler run well enough. And a 1 MB young generation:
 * collections of ~1 ms instead of 6-15 ms. See docs/performance.md, B5.
 */
const HOST_FLAGS = ['--single-threaded', '--no-opt', '--no-maglev', '--max-semi-space-size=1'];

/** How long past a command's own timeout the parent waits for the host's answer before giving the host up. */
const HOST_GRACE_MS = 30_000;

/**
 * The host's end of the lifeline: a pipe nobody writes to, whose other end only the parent holds,
 * so it reaches EOF when the parent dies, however it dies (fd 3 is the IPC channel).
 */
export const LIFELINE_FD = 4;

interface Pending {
  readonly resolve: (r: SpawnReply) => void;
  readonly timer: NodeJS.Timeout;
  pid?: number;
}

export class SpawnHost {
  private child?: ChildProcess;
  private ready = false;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Sent before the host said it listens (its module graph loads asynchronously). */
  private readonly queued: HostRequest[] = [];

  constructor(private readonly script: string) {}

  /** The host's pid while it runs. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts the host now, so the first command does not wait for Node to start. */
  warm(): this {
    if (!this.child) this.start();
    return this;
  }

  run(req: SpawnRequest): Promise<SpawnReply> {
    const child = this.child ?? this.start();
    const msg: HostRequest = { id: this.nextId++, req };
    return new Promise<SpawnReply>((resolve) => {
      // A host that stops answering (stuck, not dead) is given up like a dead one.
      const timer = setTimeout(() => this.giveUp(child, 'it did not answer in time'), req.timeoutMs + HOST_GRACE_MS);
      timer.unref();
      this.pending.set(msg.id, { resolve, timer });
      // Only waiting commands keep the service alive, as a bench child of its own would.
      if (this.pending.size === 1) setRef(child, true);
      if (!this.ready) this.queued.push(msg);
      else if (!this.trySend(child, msg)) this.giveUp(child, 'the command could not be sent to it');
    });
  }

  async close(): Promise<void> {
    const child = this.child;
    if (!child) return;
    const gone = new Promise((r) => child.once('exit', r));
    child.disconnect();
    await gone;
  }

  private start(): ChildProcess {
    // fd 3: the IPC channel; fd 4 (LIFELINE_FD): the lifeline.
    const stdio: StdioOptions = ['ignore', 'ignore', 'inherit', 'ipc', 'pipe'];
    const child = fork(this.script, [], { execArgv: HOST_FLAGS, env: { PATH: process.env.PATH ?? '' }, stdio, serialization: 'advanced' });
    this.child = child;
    this.ready = false;
    setRef(child, false);
    // Held, never written, never keeping this process alive; an error on it only means the host is gone.
    const lifeline = child.stdio[LIFELINE_FD] as Socket | null;
    lifeline?.on('error', () => undefined);
    lifeline?.unref();
    child.on('message', (m: HostMessage) => {
      if ('ready' in m) {
        this.ready = true;
        for (const q of this.queued.splice(0)) if (!this.trySend(child, q)) return this.giveUp(child, 'a command could not be sent to it');
      } else if ('pid' in m) {
        const p = this.pending.get(m.id);
        if (p) p.pid = m.pid;
      } else {
        this.settle(m.id, m.reply);
      }
    });
    child.on('error', (e) => this.giveUp(child, e.message));
    child.on('exit', (code, signal) => this.giveUp(child, signal ? `signal ${signal}` : `exit code ${code}`));
    return child;
  }

  private trySend(child: ChildProcess, msg: HostRequest): boolean {
    try {
      child.send(msg);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * The host died or stopped answering: end it and the benches it started (their outcome is
   * unknown, and nobody would enforce their timeouts any more), and fail its commands as
   * transient, so their steps are redone. The next command starts a new host.
   */
  private giveUp(child: ChildProcess, why: string): void {
    if (this.child !== child) return;
    this.child = undefined;
    this.queued.length = 0;
    setRef(child, false);
    child.kill('SIGKILL');
    (child.stdio[LIFELINE_FD] as Socket | null)?.destroy();
    for (const [id, p] of [...this.pending]) {
      killGroup(p.pid);
      this.settle(id, { stdout: '', stderr: '', timedOut: false, shortMessage: `the spawn host stopped: ${why}`, starterLost: true });
    }
  }

  private settle(id: number, reply: SpawnReply): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    clearTimeout(p.timer);
    if (this.pending.size === 0 && this.child) setRef(this.child, false);
    p.resolve(reply);
  }
}

function setRef(child: ChildProcess, on: boolean): void {
  const channel = child.channel as { ref(): void; unref(): void } | undefined | null;
  if (on) {
    child.ref();
    channel?.ref();
  } else {
    child.unref();
    channel?.unref();
  }
}

const HOST_MAIN = fileURLToPath(new URL('./spawn-host-main.js', import.meta.url));
let chosen: Spawner | undefined;

/**
 * The process-wide spawner, chosen once: the spawn host when its compiled script is there (the
 * service as built), else the event loop itself (specs running the TypeScript sources).
 */
export function defaultSpawner(): Spawner {
  if (chosen) return chosen;
  if (!existsSync(HOST_MAIN)) return (chosen = spawnProcess);
  // One host: with two or three the B5 warm path was no faster (the forks then fight for the two cores).
  const host = new SpawnHost(HOST_MAIN).warm();
  return (chosen = (req) => host.run(req));
}
