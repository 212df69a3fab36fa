/**
 * A real flock(2) on a lock file, held through util-linux's `flock(1)` (Node has none): frappe's
 * `filelock("site_config")` is one, and the provisioning service edits site_config.json under
 * the same flock (its bench/flock.ts), so the simulator's config writers must take it too or a
 * service edit and a simulated generate_keys could lose each other's change. `flock -w T FILE cat`
 * runs cat once it holds the lock (cat echoing a byte back says so) and lets go when cat's stdin closes.
 */
import { spawn } from 'node:child_process';
import { PyException } from './errors.js';

export async function withFlock<T>(lockFile: string, timeoutMs: number, fn: () => Promise<T>): Promise<T> {
  const child = spawn('flock', ['-w', String(Math.max(1, Math.ceil(timeoutMs / 1000))), lockFile, 'cat'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const exited = new Promise<void>((ok) => child.once('close', () => ok()));
  const held = await new Promise<boolean>((ok, fail) => {
    child.once('error', fail);
    // cat runs only once flock holds the lock: the byte it echoes back says so.
    child.stdout.once('data', () => ok(true));
    child.stdin.write('\n');
    void exited.then(() => ok(false));
  });
  if (!held) throw new PyException('filelock._error.Timeout', `The file lock '${lockFile}' could not be acquired.`);
  try {
    return await fn();
  } finally {
    child.stdin.end();
    await exited;
  }
}
