/**
 * Canonical JSON (RFC 8785 style for the values events can hold): object keys sorted by code
 * unit, no whitespace, `undefined` members dropped. The hash chain is computed over this form,
 * so any backend that round-trips the JSON value keeps hashes stable whatever key order or
 * spacing it stores.
 */
export function canonicalJson(value: unknown): string {
  return write(value, new Set());
}

function write(value: unknown, seen: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} is not representable in JSON`);
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new TypeError(`canonicalJson: a ${typeof value} is not representable in JSON`);
  }
  const obj = value as object;
  if (seen.has(obj)) throw new TypeError('canonicalJson: circular structure');
  seen.add(obj);
  try {
    // Array.from visits holes of sparse arrays (map skips them and would emit `[1,,3]`).
    if (Array.isArray(obj)) return `[${Array.from(obj, (v) => write(v === undefined ? null : v, seen)).join(',')}]`;
    if (obj instanceof Date) return JSON.stringify(obj.toISOString());
    const keys = Object.keys(obj)
      .filter((k) => (obj as Record<string, unknown>)[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${write((obj as Record<string, unknown>)[k], seen)}`).join(',')}}`;
  } finally {
    seen.delete(obj);
  }
}
