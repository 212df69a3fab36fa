/**
 * A step done by the service itself (a site_config.json edit, a link under sites/) failing, in
 * the BenchFailed shape the process manager records: a held lock is transient (retried), a
 * file the service may not touch is the operator's to fix, anything else is permanent.
 */
import type { FailureClass } from '@tlc/tenant-events';
import type { BenchFailed } from './bench-runner.js';
import { LockTimeoutError } from './flock.js';

export function localFailure(command: readonly string[], e: unknown, durationMs: number): BenchFailed {
  const err = e as NodeJS.ErrnoException;
  let classification: FailureClass = 'permanent';
  if (e instanceof LockTimeoutError) classification = 'transient';
  else if (err.code === 'EACCES' || err.code === 'EPERM' || err.code === 'EROFS' || (err.code === 'ENOENT' && err.path?.endsWith('flock'))) classification = 'configuration';
  const reason = `${err.code ? `${err.code}: ` : ''}${err.message ?? String(e)}`.slice(0, 300);
  return { ok: false, command, exitCode: null, durationMs, stdoutTail: '', stderrTail: reason, classification, reason, timedOut: false };
}
