/**
 * Which failures are worth retrying. Transient: another process holds a Frappe file lock, or
 * the database cannot be reached or is briefly overloaded; retrying later can succeed without
 * anyone acting. A timeout is its own class (the policy decides). Everything else, including a
 * usage error (exit 2) or a missing bench executable, is permanent.
 */
import type { FailureClass } from '@tlc/tenant-events';

const TRANSIENT: ReadonlyArray<readonly [RegExp, string]> = [
  [/Failed to aquire lock|LockTimeoutError|Lock may be held by another process/i, 'a Frappe lock is held by another process'],
  [/Can't connect to (MySQL|MariaDB) server|Connection refused|\((2003|2002),/i, 'the database server is unreachable'],
  [/Lost connection to (MySQL|MariaDB) server|server has gone away|\((2006|2013),/i, 'the database connection was lost'],
  [/Too many connections|\(1040,/i, 'the database has too many connections'],
  [/Deadlock found|Lock wait timeout exceeded|\((1213|1205),/i, 'a database lock conflict'],
];

export interface Classified {
  readonly classification: FailureClass;
  /** One sentence for people. */
  readonly reason: string;
}

export function classifyFailure(input: { exitCode: number | null; timedOut: boolean; output: string; spawnError?: string; starterLost?: boolean }): Classified {
  if (input.timedOut) return { classification: 'timeout', reason: 'bench did not finish within the step timeout and was killed' };
  // The process that started bench died (not bench): its outcome is unknown, so the step is redone later.
  if (input.starterLost) return { classification: 'transient', reason: `bench's outcome is unknown: ${input.spawnError ?? 'the spawn host stopped'}` };
  if (input.spawnError) return { classification: 'permanent', reason: `bench could not be started: ${input.spawnError}` };
  for (const [re, why] of TRANSIENT) if (re.test(input.output)) return { classification: 'transient', reason: `bench failed because ${why}` };
  if (input.exitCode === 2) return { classification: 'permanent', reason: 'bench rejected the command line (usage error)' };
  const lastLine = input.output.split('\n').map((l) => l.trim()).filter(Boolean).pop() ?? '';
  return { classification: 'permanent', reason: `bench exited with code ${input.exitCode ?? 'none'}${lastLine ? `: ${lastLine.slice(0, 300)}` : ''}` };
}
