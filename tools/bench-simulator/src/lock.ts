/**
 * Frappe's `filelock(name, timeout=1)`: `sites/<site>/locks/<name>.lock`. Python holds an
 * flock that dies with the process; Node has no flock, so the file holds the owner's pid and a
 * lock whose owner is gone counts as free (same effect after a crash). The owner is the
 * invocation's pid (the client's in daemon mode), so a killed client's lock is as stale as a
 * killed bench's.
 */
import { mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { lockHeld } from './errors.js';

const alive = (pid: number): boolean => {
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
    if (Date.now() >= deadline) throw lockHeld(name);
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
