/**
 * Child processes the benchmarks start (servers under load, the provisioning service). Started
 * with execa and argument arrays. Both pipes are always drained (a full pipe would stall the
 * child and distort the figures); the last few KiB are kept for error messages.
 */
import { execa, type ResultPromise } from 'execa';

export interface Child {
  readonly pid: number;
  readonly process: ResultPromise;
  /** Last output, for telling why a child died. */
  tail(): string;
  /** Resolves with the first stdout line matching `pattern`, rejects if the child exits first. */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  exited(): boolean;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

const TAIL = 4096;

export function spawnNode(script: string, args: readonly string[], env: Record<string, string | undefined> = {}, nodeArgs: readonly string[] = []): Child {
  const child = execa(process.execPath, [...nodeArgs, script, ...args], {
    env: { ...process.env, ...env },
    extendEnv: false,
    reject: false,
    stdin: 'ignore',
    buffer: false,
  });
  let out = '';
  let err = '';
  const watchers = new Set<(text: string) => void>();
  child.stdout?.on('data', (chunk: Buffer) => {
    out = (out + chunk.toString('utf8')).slice(-TAIL);
    for (const w of watchers) w(out);
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    err = (err + chunk.toString('utf8')).slice(-TAIL);
  });
  let done = false;
  const finished = child.then(() => {
    done = true;
  });

  return {
    pid: child.pid ?? -1,
    process: child,
    tail: () => `${out.slice(-1500)}\n${err.slice(-1500)}`.trim(),
    exited: () => done,
    waitForLine(pattern, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const check = (text: string) => {
          const m = pattern.exec(text);
          if (!m) return;
          cleanup();
          resolve(m);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no output matching ${pattern} within ${timeoutMs} ms: ${out.slice(-500)}${err.slice(-500)}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          watchers.delete(check);
        };
        watchers.add(check);
        void finished.then(() => {
          cleanup();
          reject(new Error(`child exited before printing ${pattern}: ${err.slice(-800)}`));
        });
        check(out);
      });
    },
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (done) return;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await finished;
      clearTimeout(timer);
    },
  };
}

/** Polls `url` until it answers 2xx (or the child dies). */
export async function waitForHttp(url: string, timeoutMs = 60_000, child?: Child, headers?: Record<string, string>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child?.exited()) throw new Error(`child exited before ${url} answered: ${child.tail()}`);
    try {
      const res = await fetch(url, { headers });
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer 2xx within ${timeoutMs} ms${child ? `: ${child.tail()}` : ''}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
