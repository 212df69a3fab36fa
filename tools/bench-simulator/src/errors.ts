/**
 * How the simulator ends a command. Real bench either exits on purpose (`sys.exit(1)` after a
 * message) or dies of an uncaught Python exception; callers classify by both, so both exist.
 */
export class BenchExit extends Error {
  constructor(readonly exitCode: number, message = '') {
    super(message);
  }
}

/** An uncaught Python exception: printed as `\n:: Type: message ::` plus a traceback, exit 1. */
export class PyException extends Error {
  constructor(readonly pyType: string, message: string) {
    super(message);
  }
}

/** frappe.utils.synchronization.filelock raises LockTimeoutError (sic: "aquire"). */
export const lockHeld = (name: string): PyException =>
  new PyException('frappe.exceptions.LockTimeoutError', `Failed to aquire lock: ${name}. Lock may be held by another process.`);

export const dbUnreachable = (host = '127.0.0.1'): PyException =>
  new PyException('pymysql.err.OperationalError', `(2003, "Can't connect to MySQL server on '${host}' ([Errno 111] Connection refused)")`);

/** `stdoutIsTTY`: the invocation's stdout (the client's in daemon mode, not the daemon's). */
export function formatPyException(e: PyException, command: string, stdoutIsTTY = false): string {
  const traceback = [
    'Traceback (most recent call last):',
    '  File "apps/frappe/frappe/utils/bench_helper.py", line 114, in <module>',
    '    main()',
    `  File "apps/frappe/frappe/commands/site.py", line 1, in ${command.replace(/-/g, '_')}`,
    `${e.pyType}: ${e.message}`,
  ].join('\n');
  // bench prints the short form first; the traceback follows because stdout is not a terminal.
  return `\n:: ${e.pyType}: ${e.message} ::\n${stdoutIsTTY ? '' : traceback}\n`;
}
