/**
 * How the simulator ends a command. Real bench either exits on purpose (`sys.exit(1)` after a
 * message) or dies of an uncaught Python exception; callers classify by both, so both exist.
 * v15 prints an uncaught exception as a plain Python traceback on stderr whose last line is
 * `module.ExceptionType: message` (fixtures/frappe-v15, README item 7): no short `:: x ::` line.
 */
export class BenchExit extends Error {
  constructor(
    readonly exitCode: number,
    message = '',
  ) {
    super(message);
  }
}

/** How a chained exception was raised: inside an `except` block, or `raise ... from e`. */
export type Chain = 'during-handling' | 'direct-cause';

/** An uncaught Python exception: printed as a traceback, exit 1. `cause`: the exception it was raised while handling. */
export class PyException extends Error {
  constructor(
    readonly pyType: string,
    message: string,
    readonly chained?: { readonly exception: PyException; readonly how: Chain },
  ) {
    super(message);
  }
}

/**
 * A Frappe file lock held by someone else, as v15.50 reports it: filelock's own `Timeout`, then
 * `frappe.log_error` runs. On a complete site that works and Frappe raises its LockTimeoutError
 * from the Timeout; on a site whose database is not complete (a new-site), logging fails too
 * and that follow-on error is the last line (recorded: `('DocType', 'Webhook')`).
 */
export function lockHeld(lockPath: string, name: string, siteComplete: boolean): PyException {
  const timeout = new PyException('filelock._error.Timeout', `The file lock '${lockPath}' could not be acquired.`);
  if (!siteComplete) return new PyException('pymysql.err.ProgrammingError', "('DocType', 'Webhook')", { exception: timeout, how: 'during-handling' });
  return new PyException(
    'frappe.exceptions.LockTimeoutError',
    `Failed to aquire lock: ${name}. Lock may be held by another process.<br>You can manually remove the lock if you think it's safe: ${lockPath}`,
    { exception: timeout, how: 'direct-cause' },
  );
}

export const dbUnreachable = (host = '127.0.0.1'): PyException =>
  new PyException('pymysql.err.OperationalError', `(2003, "Can't connect to MySQL server on '${host}' ([Errno 111] Connection refused)")`);

/** A site's own database login refused: what v15 says on a half site (folder and config, no database user). */
export const siteLoginRefused = (dbUser: string): PyException => new PyException('pymysql.err.OperationalError', `(1045, "Access denied for user '${dbUser}'@'127.0.0.1' (using password: YES)")`);

const FRAMES = (benchRoot: string, command: string): string[] => [
  '  File "<frozen runpy>", line 198, in _run_module_as_main',
  '  File "<frozen runpy>", line 88, in _run_code',
  `  File "${benchRoot}/apps/frappe/frappe/utils/bench_helper.py", line 114, in <module>`,
  '    main()',
  `  File "${benchRoot}/apps/frappe/frappe/commands/site.py", line 1, in ${command.replace(/-/g, '_')}`,
  '    ...',
];

/**
 * The traceback bench prints for `e` (the frames are a stand-in, not real ones). The last line is
 * the exception line, as real bench's is; a chained exception prints its cause first.
 */
export function formatPyException(e: PyException, command: string, benchRoot = '.'): string {
  const own = ['Traceback (most recent call last):', ...FRAMES(benchRoot, command), `${e.pyType}${e.message ? `: ${e.message}` : ''}`].join('\n');
  if (!e.chained) return `${own}\n`;
  const joint = e.chained.how === 'direct-cause' ? 'The above exception was the direct cause of the following exception:' : 'During handling of the above exception, another exception occurred:';
  return `${formatPyException(e.chained.exception, command, benchRoot)}\n${joint}\n\n${own}\n`;
}
