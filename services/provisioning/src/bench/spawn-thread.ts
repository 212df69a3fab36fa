/**
 * Starting a process costs the calling thread several ms here (fork copies the page tables of
 * a large process): with eight tenants in flight that was a third of the service's CPU, all of
 * it on the event loop that also serves HTTP and appends events (benchmark B4). A worker thread
 * does the spawning instead, with the same spawnProcess, so the event loop goes on meanwhile.
 * Nothing durable lives here: a thread that dies fails its commands (reported like a bench that
 * could not start) and the next command starts a new thread.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { spawnProcess, type SpawnReply, type SpawnRequest } from './spawn-process.js';

export type Spawner = (req: SpawnRequest) => Promise<SpawnReply>;

export class SpawnThread {
  private worker?: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, (r: SpawnReply) => void>();

  constructor(private readonly script: URL) {}

  run(req: SpawnRequest): Promise<SpawnReply> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise<SpawnReply>((resolve) => {
      this.pending.set(id, resolve);
      // Only waiting commands keep the process alive, as a child process would.
      if (this.pending.size === 1) worker.ref();
      worker.postMessage({ id, req });
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    await w?.terminate();
  }

  private start(): Worker {
    const worker = new Worker(this.script);
    worker.unref();
    worker.on('message', (msg: { id: number; reply: SpawnReply }) => this.settle(msg.id, msg.reply));
    const fail = (why: string) => {
      if (this.worker === worker) this.worker = undefined;
      for (const id of [...this.pending.keys()]) this.settle(id, { stdout: '', stderr: '', timedOut: false, shortMessage: `the spawn thread stopped: ${why}` });
    };
    worker.on('error', (e) => fail(e.message));
    worker.on('exit', (code) => fail(`exit code ${code}`));
    this.worker = worker;
    return worker;
  }

  private settle(id: number, reply: SpawnReply): void {
    const resolve = this.pending.get(id);
    if (!resolve) return;
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker?.unref();
    resolve(reply);
  }
}

const WORKER = new URL('./spawn-worker.js', import.meta.url);
// One thread: more were slower here (B4 at 8 in flight), the forks then compete for the cores.
let chosen: Spawner | undefined;

/**
 * The process-wide spawner, chosen once: the spawn thread when the compiled worker is there (the
 * service as built), else the event loop itself (specs running the TypeScript sources).
 */
export function defaultSpawner(): Spawner {
  if (chosen) return chosen;
  if (!existsSync(fileURLToPath(WORKER))) return (chosen = spawnProcess);
  const thread = new SpawnThread(WORKER);
  return (chosen = (req) => thread.run(req));
}
