/**
 * Reading what real bench prints when Python fails. v15's tracebacks come from
 * traceback-with-variables: every frame lists its local variables, so a tail of the output can
 * hold a password, a site's db_password or an API secret. Only the exception lines are kept for
 * anything that outlives the command (events are permanent): in a Python traceback those are the
 * only lines at column 0 besides the headers; frames, source lines and variables are indented.
 * Bench's own messages (`Site x does not exist!`, `Aborted!`) are at column 0 too and are kept.
 */

const HEADERS = [
  /^Traceback \(most recent call last\):$/,
  /^Traceback with variables \(most recent call last\):$/,
  /^During handling of the above exception, another exception occurred:$/,
  /^The above exception was the direct cause of the following exception:$/,
  /^\[\.\.\. \d+ earlier lines cut \.\.\.\]$/,
];

/**
 * `module.ExceptionType: message` (or a bare `ExceptionType`), as Python prints the last line: a
 * dotted name (`frappe.exceptions.IncorrectSitePath`), or a bare one that ends like an exception
 * class (`Exception`, `FileNotFoundError`). Bench's `Warning: ...` message is not one.
 */
const TYPE = /^(?:[A-Za-z_][A-Za-z0-9_]*\.)+[A-Za-z_][A-Za-z0-9_]*$|^(?:[A-Za-z_][A-Za-z0-9_]*)?(?:Error|Exception|Timeout|Exit|Interrupt)$/;

/** Column-0 lines that are not traceback headers: exception lines and bench's own messages. */
export function messageLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l.trim() !== '' && !/^\s/.test(l) && !HEADERS.some((h) => h.test(l)));
}

export interface PyExceptionLine {
  /** As printed: `frappe.exceptions.DuplicateEntryError`, `builtins.ModuleNotFoundError`, `Exception`. */
  readonly type: string;
  readonly message: string;
}

export function parseExceptionLine(line: string): PyExceptionLine | undefined {
  const i = line.indexOf(': ');
  const type = i < 0 ? line : line.slice(0, i);
  return TYPE.test(type) ? { type, message: i < 0 ? '' : line.slice(i + 2) } : undefined;
}

/** Every exception line of the output, in order (a chained traceback has several). */
export function exceptionsOf(text: string): PyExceptionLine[] {
  return messageLines(text)
    .map(parseExceptionLine)
    .filter((e): e is PyExceptionLine => e !== undefined);
}

/** The short name of the type (`DuplicateEntryError` for `frappe.exceptions.DuplicateEntryError`). */
export const shortType = (e: PyExceptionLine): string => e.type.split('.').pop() ?? e.type;
