/**
 * Pure checks on a JSON body, run before class-transformer sees it (json-body.ts):
 * - UTF-8: invalid bytes are decoded as lone low surrogates (U+DC80..U+DCFF, Python's
 *   "surrogateescape"), so the walk below finds, and names, the field that held them;
 * - depth: one linear pass over the text, no recursion (2,500 levels fit in 16 KiB, and
 *   class-transformer's recursion then threw a 500);
 * - lone surrogates (`"\ud800"`) in any string or key, named by their path.
 */
const isContinuation = (b: Buffer, i: number): boolean => i < b.length && (b[i] & 0xc0) === 0x80;

/** Length of the valid UTF-8 sequence starting at i (RFC 3629: no overlongs, no surrogates), or 0. */
function sequenceLength(b: Buffer, i: number): number {
  const c = b[i];
  if (c < 0x80) return 1;
  if (c >= 0xc2 && c <= 0xdf) return isContinuation(b, i + 1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    if (!isContinuation(b, i + 1) || !isContinuation(b, i + 2)) return 0;
    if ((c === 0xe0 && b[i + 1] < 0xa0) || (c === 0xed && b[i + 1] > 0x9f)) return 0;
    return 3;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    if (!isContinuation(b, i + 1) || !isContinuation(b, i + 2) || !isContinuation(b, i + 3)) return 0;
    if ((c === 0xf0 && b[i + 1] < 0x90) || (c === 0xf4 && b[i + 1] > 0x8f)) return 0;
    return 4;
  }
  return 0;
}

/** The slow path, for a body that is not valid UTF-8: each bad byte becomes U+DC00 + byte. */
export function decodeMarkingInvalid(b: Buffer): string {
  let out = '';
  let start = 0;
  for (let i = 0; i < b.length;) {
    const n = sequenceLength(b, i);
    if (n > 0) {
      i += n;
      continue;
    }
    out += b.toString('utf8', start, i) + String.fromCharCode(0xdc00 | b[i]);
    i += 1;
    start = i;
  }
  return out + b.toString('utf8', start);
}

/** True when the JSON text opens more than `max` arrays/objects inside one another. */
export function nestedDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } // { [
    else if (c === 0x7d || c === 0x5d) depth--; // } ]
  }
  return false;
}

const LONE_SURROGATE = /\p{Surrogate}/u; // with the u flag, a well-formed pair is one code point and does not match

const pathOf = (parent: string, key: string | number): string => (typeof key === 'number' ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key);

/** The path of the first string or key holding a lone surrogate, or undefined. Iterative. */
export function illFormedTextAt(value: unknown): string | undefined {
  const stack: Array<[unknown, string]> = [[value, '']];
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (LONE_SURROGATE.test(v)) return path;
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], pathOf(path, i)]);
    } else if (v && typeof v === 'object') {
      const keys = Object.keys(v);
      for (const k of keys) if (LONE_SURROGATE.test(k)) return pathOf(path, k);
      for (let i = keys.length - 1; i >= 0; i--) stack.push([(v as Record<string, unknown>)[keys[i]], pathOf(path, keys[i])]);
    }
  }
  return undefined;
}

/** A field path safe to echo in a problem document (the marks replaced, length bounded). */
export const printablePath = (path: string): string => path.replace(/\p{Surrogate}/gu, '\ufffd').slice(0, 128);
