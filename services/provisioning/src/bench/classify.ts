/**
 * What a failed bench command means for the tenant, read from the forms real bench v15 prints
 * (tools/bench-simulator/fixtures/frappe-v15):
 * - transient: another process holds a Frappe file lock, or the database cannot be reached or is
 *   briefly overloaded; retrying later can succeed without anyone acting;
 * - configuration: this bench cannot run for anybody until an operator acts (no usable database
 *   root password, so bench prompted and got `Aborted!`; run as root without frappe_user; the
 *   root login refused). Not the customer's failure: the step waits and retries, loudly;
 * - timeout: its own class (the policy decides);
 * - permanent: everything else, including a usage error (exit 2) or a missing bench executable.
 * Only column-0 lines are read (messages and exception lines): traceback-with-variables prints
 * every frame's variables, and a value there must not decide anything.
 */
import type { FailureClass } from '@tlc/tenant-events';
import { exceptionsOf, messageLines, shortType } from './python-output.js';

type Rule = readonly [RegExp, string];

const CONFIGURATION: readonly Rule[] = [
  [
    /^(MySQL root password: ?|Aborted!|Warning: Password input may be echoed\.)$/m,
    'bench asked for the database root password on a terminal it does not have (set BENCH_DB_ROOT_PASSWORD, or root_password in common_site_config.json)',
  ],
  [/^WARN: You should not run this command as root$/m, 'bench refuses to run as root (set frappe_user in common_site_config.json)'],
  // 1045 for an account that is not a site's own (`_` + 16 hex): the root login was refused.
  [/\(1045, "Access denied for user '(?!_[0-9a-f]{16}')[^']*'/, 'the database root login was refused (check BENCH_DB_ROOT_USERNAME / BENCH_DB_ROOT_PASSWORD)'],
];

const TRANSIENT: readonly Rule[] = [
  // v15 prints filelock's own Timeout; Frappe's error logging then fails too, so the last line is
  // another error (`DocType Error Log not found`, `('DocType', 'Webhook')`). The Timeout decides.
  [/^filelock\._error\.Timeout: The file lock '.*' could not be acquired\.?$|Failed to aquire lock|LockTimeoutError|Lock may be held by another process/m, 'a Frappe lock is held by another process'],
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

/** A permanent failure's reason: what is wrong in words where the form is known, else the last line. */
function permanentReason(lines: readonly string[], text: string, exitCode: number | null): string {
  const code = `bench exited with code ${exitCode ?? 'none'}`;
  const missingSite = /^Site (\S+) does not exist!$/m.exec(text);
  if (missingSite) return `${code}: the site ${missingSite[1]} does not exist`;
  const last = exceptionsOf(text).pop();
  if (last && shortType(last) === 'ModuleNotFoundError') {
    const app = /No module named '([^'.]+)/.exec(last.message)?.[1];
    return `${code}: the app ${app ?? '?'} is not in this bench (${last.type}: ${last.message})`.slice(0, 400);
  }
  if (last && /\(1045, "Access denied for user '_[0-9a-f]{16}'/.test(last.message)) {
    return `${code}: the site's database does not accept the site's own login (a half site: new-site did not finish)`;
  }
  const line = last ? `${last.type}${last.message ? `: ${last.message}` : ''}` : (lines[lines.length - 1] ?? '');
  return `${code}${line ? `: ${line.slice(0, 300)}` : ''}`;
}

export function classifyFailure(input: { exitCode: number | null; timedOut: boolean; output: string; spawnError?: string; starterLost?: boolean }): Classified {
  if (input.timedOut) return { classification: 'timeout', reason: 'bench did not finish within the step timeout and was killed' };
  // The process that started bench died (not bench): its outcome is unknown, so the step is redone later.
  if (input.starterLost) return { classification: 'transient', reason: `bench's outcome is unknown: ${input.spawnError ?? 'the spawn host stopped'}` };
  if (input.spawnError) return { classification: 'permanent', reason: `bench could not be started: ${input.spawnError}` };
  const lines = messageLines(input.output);
  const text = lines.join('\n');
  for (const [re, why] of CONFIGURATION) if (re.test(text)) return { classification: 'configuration', reason: `bench is misconfigured: ${why}` };
  for (const [re, why] of TRANSIENT) if (re.test(text)) return { classification: 'transient', reason: `bench failed because ${why}` };
  if (input.exitCode === 2) return { classification: 'permanent', reason: 'bench rejected the command line (usage error)' };
  return { classification: 'permanent', reason: permanentReason(lines, text, input.exitCode) };
}
