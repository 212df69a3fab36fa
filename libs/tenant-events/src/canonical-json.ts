/**
 * Canonical JSON (RFC 8785 style for the values events can hold): object keys sorted by code
 * unit, no whitespace, `undefined` members dropped. The hash chain is computed over this form,
 * so any backend that round-trips the JSON value keeps hashes stable whatever key order or
 * spacing it stores.
 *
 * Written for speed (`tenantctl verify --all` canonicalises every event in the log): strings
 * are built by concatenation, a string with nothing to escape is quoted directly, and the
 * circularity check is a stack of the objects being written (as deep as the value, not a Set).
 * The output is byte for byte what JSON.stringify-per-scalar with sorted keys gives.
 */
export function canonicalJson(value: unknown): string {
  return write(value, []);
}

/** Canonical JSON of the object `obj` without its top-level member `omit` (e.g. metadata without its own hash). */
export function canonicalJsonWithout(obj: object, omit: string): string {
  return writeObject(obj, [], omit);
}

/**
 * A copy of a JSON value whose objects enumerate their keys in canonical order (undefined members
 * dropped), so that JSON.stringify of it is its canonical JSON whenever no key looks like an
 * array index (those enumerate first in any object) and numbers are integers or any other
 * number JSON.stringify and canonicalJson agree on. Anything not a plain object or array (a
 * Date) is kept as it is. chainEvents seals events in this form, so a store that writes
 * JSON.stringify text holds the bytes the chain hashes (see canonical-text.ts).
 */
export function canonicalOrder<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(canonicalOrder) as T;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const rec = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(rec).sort()) {
    const v = rec[k];
    if (v === undefined) continue;
    // A "__proto__" member (JSON.parse makes it an own property) must not set the prototype.
    if (k === '__proto__') Object.defineProperty(out, k, { value: canonicalOrder(v), enumerable: true, writable: true, configurable: true });
    else out[k] = canonicalOrder(v);
  }
  return out as T;
}

/** Characters JSON.stringify escapes: controls, quote, backslash, and (well-formed) lone surrogates. */
// eslint-disable-next-line no-control-regex -- the control characters are exactly what must be found here
const NEEDS_ESCAPE = /[\u0000-\u001f"\\\ud800-\udfff]/;

const writeString = (s: string): string => (NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`);

function write(value: unknown, stack: object[]): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return writeString(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} is not representable in JSON`);
      return String(value); // same as JSON.stringify for finite numbers (-0 is "0")
    case 'object':
      return writeObject(value as object, stack, undefined);
    default:
      throw new TypeError(`canonicalJson: a ${typeof value} is not representable in JSON`);
  }
}

function writeObject(obj: object, stack: object[], omit: string | undefined): string {
  if (stack.includes(obj)) throw new TypeError('canonicalJson: circular structure');
  if (obj instanceof Date) return JSON.stringify(obj.toISOString());
  stack.push(obj);
  try {
    let out: string;
    if (Array.isArray(obj)) {
      // Index every slot: holes of sparse arrays and undefined items are written as null.
      out = '[';
      for (let i = 0; i < obj.length; i++) {
        const v: unknown = obj[i];
        out += (i === 0 ? '' : ',') + (v === undefined ? 'null' : write(v, stack));
      }
      return `${out}]`;
    }
    const rec = obj as Record<string, unknown>;
    const keys = Object.keys(rec).sort();
    out = '{';
    let first = true;
    for (const k of keys) {
      const v = rec[k];
      if (v === undefined || k === omit) continue;
      out += `${first ? '' : ','}${writeString(k)}:${write(v, stack)}`;
      first = false;
    }
    return `${out}}`;
  } finally {
    stack.pop();
  }
}
