/**
 * Frappe's `filelock(name, timeout=1)`: `sites/<site>/locks/<name>.lock`. Python holds an
 * flock on that file, which dies with the process, and the file itself stays (v15 leaves
 * `bench_new_site.lock`, `install_app.lock`, `site_config.lock` behind). Node has no flock, so the
 * exclusion lives in a pid file of the simulator's own under `logs/bench-sim-locks/`, and a lock
 * whose owner is gone counts as free (same effect after a crash). The owner is the invocation's
 * pid (the client's in daemon mode), so a killed client's lock is as stale as a killed bench's.
 */
import { closeSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Bench } from './bench-dir.js';
import { lockHeld, PyException } from './errors.js';

/** Is this process still there (EPERM: it is, under another user)? Lock and CPU-share owners are checked with it. */
export const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

function tryTake(file: string, pid: number): boolean {
  try {
    writeFileSync(file, String(pid), { flag: 'wx' });
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    let text: string;
    let ageMs: number;
    try {
      text = readFileSync(file, 'utf8');
      ageMs = Date.now() - statSync(file).mtimeMs;
    } catch (r) {
      // Released between our create and our read: try again.
      if ((r as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw r;
    }
    // Empty: its owner (another process) created it and is about to write its pid.
    if (text === '' && ageMs < 1000) return false;
    const owner = Number(text);
    if (Number.isInteger(owner) && owner > 0 && owner !== pid && alive(owner)) return false;
    try {
      unlinkSync(file);
    } catch {
      /* somebody else cleaned it first */
    }
    return false;
  }
}

export interface LockOwner {
  /** The invocation's pid: what the lock file records. */
  readonly pid: number;
  /** Aborted when the invocation is abandoned (its client went away): stop waiting. */
  readonly signal?: AbortSignal;
}

/**
 * `pollMs`: how often a held lock is tried again; 50 ms is the `filelock` package's default,
 * which Frappe's locks use. A lock held for microseconds (the site database's) polls faster.
 */
export async function withFileLock<T>(file: string, name: string, owner: LockOwner, fn: () => Promise<T>, timeoutMs = 1000, pollMs = 50): Promise<T> {
  const take = (): boolean => {
    try {
      return tryTake(file, owner.pid);
    } catch (e) {
      // The locks folder is made on first use only, not before every take.
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      mkdirSync(dirname(file), { recursive: true });
      return tryTake(file, owner.pid);
    }
  };
  const deadline = Date.now() + timeoutMs;
  while (!take()) {
    if (Date.now() >= deadline) throw new PyException('filelock._error.Timeout', `The file lock '${file}' could not be acquired.`);
    await sleep(pollMs, undefined, { signal: owner.signal });
  }
  try {
    return await fn();
  } finally {
    try {
      unlinkSync(file);
    } catch {
      /* the site folder may have been archived meanwhile */
    }
  }
}

/** Leaves the file there, empty, like Python's `open(path, "a")`. */
export function touch(file: string): void {
  mkdirSync(dirname(file), { recursive: true });
  closeSync(openSync(file, 'a'));
}

/**
 * `with filelock(name)` on a site: the lock file under the site's `locks/` stays; a held lock
 * fails after 1 s in v15's form. `siteComplete` says which follow-on error comes with it
 * (errors.ts, lockHeld).
 */
export async function withFrappeLock<T>(bench: Bench, site: string, name: string, owner: LockOwner, siteComplete: () => boolean, fn: () => Promise<T>, timeoutMs = 1000, pollMs = 50): Promise<T> {
  const visible = bench.sitePath(site, 'locks', `${name}.lock`);
  touch(visible);
  try {
    return await withFileLock(join(bench.root, 'logs', 'bench-sim-locks', site, `${name}.lock`), name, owner, fn, timeoutMs, pollMs);
  } catch (e) {
    if (e instanceof PyException && e.pyType === 'filelock._error.Timeout' && e.message.includes('bench-sim-locks')) throw lockHeld(visible, name, siteComplete());
    throw e;
  }
}
