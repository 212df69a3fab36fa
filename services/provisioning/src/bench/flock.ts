/**
 * Frappe's `filelock(name)` is an flock(2) on `sites/<site>/locks/<name>.lock` (the common
 * config's: `<bench>/config/<name>.lock`), held by a Python process. Node has no flock, so the
 * lock is held by util-linux's `flock(1)` on our behalf: `flock -w T FILE cat` runs cat once it
 * holds the lock (cat echoing a byte back says so), and lets go when we close cat's stdin. One small process
 * per edit, instead of a cold bench start (~1.3 s) per `set-config`.
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

export class LockTimeoutError extends Error {
  readonly code = 'BENCH.LOCK_TIMEOUT';
}

export async function withFlock<T>(lockFile: string, timeoutMs: number, fn: () => Promise<T> | T): Promise<T> {
  mkdirSync(dirname(lockFile), { recursive: true });
  // Frappe leaves its lock files behind; so do we (and create one like `open(path, "a")`).
  closeSync(openSync(lockFile, 'a'));
  const seconds = String(Math.max(1, Math.ceil(timeoutMs / 1000)));
  const child = spawn('flock', ['-w', seconds, lockFile, 'cat'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const exited = new Promise<number | null>((ok) => child.once('close', (code) => ok(code)));
  const held = await new Promise<boolean>((ok, fail) => {
    child.once('error', fail);
    // cat runs only once flock holds the lock: the byte it echoes back says so.
    child.stdout.once('data', () => ok(true));
    child.stdin.write('\n');
    void exited.then(() => ok(false));
  });
  if (!held) throw new LockTimeoutError(`The file lock '${lockFile}' could not be acquired.`);
  try {
    return await fn();
  } finally {
    child.stdin.end();
    await exited;
  }
}
