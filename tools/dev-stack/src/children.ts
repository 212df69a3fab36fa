/**
 * The child processes of the embedded stack: started with execa (argument arrays, no shell),
 * output prefixed with the service name, stopped together on Ctrl-C.
 */
import { execa, type ResultPromise } from 'execa';
import { get as httpGet } from 'node:http';

export interface ChildSpec {
  readonly name: string;
  readonly file: string;
  readonly args: readonly string[];
  readonly cwd: string;
  /** The child's whole environment (nothing is inherited from this process). */
  readonly env: Record<string, string>;
}

const COLORS = ['\u001b[36m', '\u001b[35m', '\u001b[33m', '\u001b[32m'];
const RESET = '\u001b[0m';

export class ChildGroup {
  private readonly children: Array<{ name: string; proc: ResultPromise }> = [];
  private stopping = false;

  constructor(private readonly onUnexpectedExit: (name: string, code: number | undefined) => void) {}

  start(spec: ChildSpec): void {
    const color = process.stdout.isTTY ? COLORS[this.children.length % COLORS.length] : '';
    const prefix = `${color}${spec.name.padEnd(12)}${color ? RESET : ''}| `;
    const proc = execa(spec.file, spec.args, {
      cwd: spec.cwd,
      env: spec.env,
      // Only what child-env.ts gave this child: the parent's environment may hold every secret.
      extendEnv: false,
      reject: false,
      stdin: 'ignore',
      buffer: false,
      cleanup: true,
    });
    for (const stream of [proc.stdout, proc.stderr]) {
      let rest = '';
      stream?.on('data', (chunk: Buffer) => {
        const lines = (rest + chunk.toString('utf8')).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) if (line.trim()) process.stdout.write(`${prefix}${line}\n`);
      });
    }
    void proc.then((r) => {
      if (!this.stopping) this.onUnexpectedExit(spec.name, r.exitCode);
    });
    this.children.push({ name: spec.name, proc });
  }

  /** SIGTERM everyone, wait for a clean exit, SIGKILL whoever is still there after the grace. */
  async stop(graceMs = 8000): Promise<void> {
    this.stopping = true;
    const alive = this.children.filter((c) => c.proc.exitCode === null && !c.proc.killed);
    for (const c of alive) c.proc.kill('SIGTERM');
    const timer = setTimeout(() => alive.forEach((c) => c.proc.kill('SIGKILL')), graceMs);
    await Promise.allSettled(alive.map((c) => c.proc));
    clearTimeout(timer);
  }
}

/** One GET with an explicit Host header (fetch drops `host`, and the web routes by it). */
function probe(url: string, headers: Record<string, string>, timeoutMs = 2000): Promise<number> {
  return new Promise((ok, fail) => {
    const req = httpGet(url, { headers, timeout: timeoutMs }, (res) => {
      res.resume();
      ok(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', fail);
  });
}

/** Whether a URL answers 2xx or 3xx (one try, a first render may be slow): the banner prints only pages that do. */
export async function answers(url: string, headers: Record<string, string>, timeoutMs = 15_000): Promise<boolean> {
  try {
    const status = await probe(url, headers, timeoutMs);
    return status >= 200 && status < 400;
  } catch {
    return false;
  }
}

/** Polls a URL until it answers 2xx (or 3xx), so the banner only appears once the stack serves. */
export async function waitForHttp(url: string, headers: Record<string, string>, timeoutMs: number, isDead: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (isDead()) throw new Error(`gave up waiting for ${url}: the process exited`);
    try {
      const status = await probe(url, headers);
      if (status > 0 && status < 400) return;
      last = `HTTP ${status}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not become ready within ${Math.round(timeoutMs / 1000)} s (${last})`);
}
