/**
 * What `bench execute` prints. v15 prints `json.dumps(result)` when the result is truthy: a
 * string comes out with its quotes (`"ae5a95b4063bcfe"`), a dict as JSON
 * (`{"api_secret": "43522ce3d78b148"}`), None nothing at all. Frappe's develop branch strips the
 * quotes of a string, so an unquoted line is read as that string. The value is the last
 * non-empty line: anything a bench prints before it (a warning) is not the result.
 */
export type ExecuteValue = { readonly kind: 'none' } | { readonly kind: 'json'; readonly value: unknown } | { readonly kind: 'text'; readonly value: string };

export function parseExecuteOutput(stdout: string): ExecuteValue {
  const line = stdout
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .pop();
  if (line === undefined) return { kind: 'none' };
  try {
    return { kind: 'json', value: JSON.parse(line) as unknown };
  } catch {
    return { kind: 'text', value: line };
  }
}

/** The printed result as a string: `"x"` and `x` both give `x`; None (nothing printed) gives ''. */
export function executeString(stdout: string): string {
  const v = parseExecuteOutput(stdout);
  switch (v.kind) {
    case 'none':
      return '';
    case 'text':
      return v.value;
    case 'json':
      if (v.value === null) return '';
      return typeof v.value === 'string' ? v.value : typeof v.value === 'object' ? JSON.stringify(v.value) : String(v.value);
    default:
      return assertNever(v);
  }
}

/** A dict's string field (`api_secret` of generate_keys), whether the dict came out as JSON or not. */
export function executeField(stdout: string, field: string): string | undefined {
  const v = parseExecuteOutput(stdout);
  if (v.kind === 'json' && v.value !== null && typeof v.value === 'object' && !Array.isArray(v.value)) {
    const f = (v.value as Record<string, unknown>)[field];
    return typeof f === 'string' && f !== '' ? f : undefined;
  }
  return undefined;
}

function assertNever(v: never): never {
  throw new Error(`unexpected execute output ${JSON.stringify(v)}`);
}
