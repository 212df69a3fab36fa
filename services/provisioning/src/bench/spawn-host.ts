/**
 * Bench processes are started by a small helper process (spawn-host-main.ts), not by the
 * service. `fork` copies the page tables of the process that calls it and holds the other
 * threads of that process up meanwhile: from the ~250 MB service each start cost ~7 ms and
 * stalled the event loop, even from a worker thread; from a ~70 MB process that only runs execa
 * it costs less and the service does not notice. Three chained warm-path steps (5 commands)
 * took 92 ms from a 270 MB process and 48 ms through such a helper (docs/performance.md, B5).
 *
 * Nothing durable lives in the helper: when it dies its waiting commands fail like a bench that
 * could not start, and the next command starts a new one. It lives as long as its parent: it
 * exits when the IPC channel closes and ignores the terminal's Ctrl-C, so a service shutting
 * down gracefully still gets its commands' answers.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { spawnProcess, type SpawnReply, type SpawnRequest } from './spawn-process.js';

export type Spawner = (req: SpawnRequest) => Promise<SpawnReply>;

/** Parent -> host: one command. Host -> parent: `ready` once, then one reply per command. */
export type HostRequest = { readonly id: number; readonly req: SpawnRequest };
export type HostMessage = { readonly ready: true } | { readonly id: number; readonly reply: SpawnReply };

export class SpawnHost {
  private child?: ChildProcess;
  private ready = false;
  private nextId = 1;
  private readonly pending = new Map<number, (r: SpawnReply) => void>();
  /** Sent before the host said it listens (its module graph loads asynchronously). */
  private readonly queued: HostRequest[] = [];

  constructor(private readonly script: string) {}

  /** The host's pid while it runs. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts the host now, so the first command does not wait for Node to start. */
  warm(): this {
    this.child ?? this.start();
    return this;
  }

  run(req: SpawnRequest): Promise<SpawnReply> {
    const child = this.child ?? this.start();
    const msg: HostRequest = { id: this.nextId++, req };
    return new Promise<SpawnReply>((resolve) => {
      this.pending.set(msg.id, resolve);
      // Only waiting commands keep the service alive, as a bench child of its own would.
      if (this.pending.size === 1) setRef(child, true);
      if (this.ready) child.send(msg);
      else this.queued.push(msg);
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
    // Not the service's flags (profiling, heap size). Single-threaded: after each fork every page
    // the host writes faults once (copy-on-write), and with V8's helper threads each fault also
    // flushes the TLBs of other cores; one thread cut the host's CPU per command by ~20 % here.
    const child = fork(this.script, [], { execArgv: ['--single-threaded'], env: { PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'], serialization: 'advanced' });
    this.child = child;
    this.ready = false;
    setRef(child, false);
    child.on('message', (m: HostMessage) => {
      if ('ready' in m) {
        this.ready = true;
        for (const q of this.queued.splice(0)) child.send(q);
      } else {
        this.settle(m.id, m.reply);
      }
    });
    const fail = (why: string): void => {
      if (this.child !== child) return;
      this.child = undefined;
      this.queued.length = 0;
      for (const id of [...this.pending.keys()]) this.settle(id, { stdout: '', stderr: '', timedOut: false, shortMessage: `the spawn host stopped: ${why}` });
    };
    child.on('error', (e) => fail(e.message));
    child.on('exit', (code, signal) => fail(signal ? `signal ${signal}` : `exit code ${code}`));
    return child;
  }

  private settle(id: number, reply: SpawnReply): void {
    const resolve = this.pending.get(id);
    if (!resolve) return;
    this.pending.delete(id);
    if (this.pending.size === 0 && this.child) setRef(this.child, false);
    resolve(reply);
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
