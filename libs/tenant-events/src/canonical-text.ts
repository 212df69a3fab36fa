/**
 * Recognises JSON text that is already canonical (canonical-json.ts), so an auditor can hash the
 * bytes a store holds instead of parsing them and writing them again. `tenantctl verify --all`
 * and checkpoints hash every event in the log; parse + canonicalise was most of their cost and
 * most of their garbage (docs/performance.md, B6). chainEvents hands stores events whose keys
 * are in canonical order, so a store that writes JSON.stringify text stores canonical text.
 *
 * The contract, pinned by a property spec: when isCanonicalJsonText(t) is true, JSON.parse(t)
 * succeeds and canonicalJson(JSON.parse(t)) === t, byte for byte. Anything this does not
 * recognise (a fraction or exponent, a `\u` escape, an escaped key, 16+ digit integers, deep
 * nesting, any whitespace, keys out of order) is answered false and the caller parses and
 * canonicalises as before: false never means "tampered", only "not the fast way".
 */

const MAX_DEPTH = 64;

// The scanner's state, module-level so the hot loop allocates nothing (synchronous, no re-entry).
let text = '';
let len = 0;
let at = 0;
/** The text holds no control character, backslash or surrogate: a string ends at the next quote. */
let plain = false;
/** splitChainMetadata: capture the top-level "hash" and "prevHash" members. */
let capture = false;
let hashFrom = -1;
let hashTo = -1;
let hashValue: string | undefined;
let prevHashValue: string | undefined;

/**
 * The last two texts recognised: `verify --all --checkpoints` checks the chain and commits to
 * the log in one scan, so each event's data and metadata are asked about twice in a row.
 */
let known0: string | undefined;
let known1: string | undefined;
const remember = (s: string): void => {
  known1 = known0;
  known0 = s;
};

/** True when `s` is exactly canonicalJson(JSON.parse(s)) (see the module comment). */
export function isCanonicalJsonText(s: string): boolean {
  if (s === known0 || s === known1) return true;
  const ok = scan(s, false);
  if (ok) remember(s);
  return ok;
}

export interface ChainMetadataText {
  readonly hash: string;
  readonly prevHash: string;
  /** The metadata text without its top-level "hash" member: canonicalJsonWithout(metadata, 'hash'). */
  readonly unhashed: string;
}

/**
 * For canonical metadata text holding string `hash` and `prevHash` members (no escapes): their
 * values and the text without the hash member, i.e. what computeHash writes for the metadata.
 * Undefined for anything else (parse it instead).
 */
export function splitChainMetadata(s: string): ChainMetadataText | undefined {
  hashFrom = hashTo = -1;
  hashValue = prevHashValue = undefined;
  if (s.charCodeAt(0) !== 0x7b || !scan(s, true)) return undefined;
  remember(s);
  if (hashValue === undefined || prevHashValue === undefined) return undefined;
  let unhashed: string;
  if (s.charCodeAt(hashFrom - 1) === 0x2c) unhashed = s.slice(0, hashFrom - 1) + s.slice(hashTo);
  else if (s.charCodeAt(hashTo) === 0x2c) unhashed = s.slice(0, hashFrom) + s.slice(hashTo + 1);
  else unhashed = s.slice(0, hashFrom) + s.slice(hashTo);
  return { hash: hashValue, prevHash: prevHashValue, unhashed };
}

/** What makes a string need more than finding its closing quote (controls: none is valid in JSON text anyway). */
// eslint-disable-next-line no-control-regex -- the control characters are exactly what must be found here
const SPECIAL = /[\u0000-\u001f\\\ud800-\udfff]/;

function scan(s: string, captureMembers: boolean): boolean {
  // One native pass over the whole text: the common case (no escape, no surrogate) then finds
  // each string's end with indexOf instead of a loop over its characters.
  plain = !SPECIAL.test(s);
  text = s;
  len = s.length;
  at = 0;
  capture = captureMembers;
  const ok = len > 0 && value(0) && at === len;
  text = '';
  return ok;
}

function value(depth: number): boolean {
  switch (text.charCodeAt(at)) {
    case 0x7b: // {
      return object(depth + 1);
    case 0x5b: // [
      return array(depth + 1);
    case 0x22: // "
      return string() >= 0;
    case 0x74:
      return literal('true');
    case 0x66:
      return literal('false');
    case 0x6e:
      return literal('null');
    default:
      return number();
  }
}

function literal(word: string): boolean {
  if (!text.startsWith(word, at)) return false;
  at += word.length;
  return true;
}

/**
 * An integer as String(n) writes it: no leading zero, no "-0", at most 15 digits (exact in a
 * double, so it parses back to the same digits). Fractions and exponents are left to the parser.
 */
function number(): boolean {
  let i = at;
  if (text.charCodeAt(i) === 0x2d) i++;
  const first = text.charCodeAt(i);
  if (first === 0x30) {
    if (i !== at) return false;
    i++;
  } else if (first >= 0x31 && first <= 0x39) {
    const start = i++;
    for (; i < len; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x30 || c > 0x39) break;
    }
    if (i - start > 15) return false;
  } else {
    return false;
  }
  const next = text.charCodeAt(i);
  if (next === 0x2e || next === 0x65 || next === 0x45) return false;
  at = i;
  return true;
}

/**
 * A string as JSON.stringify writes it: no raw control character, surrogates only in pairs
 * (a lone one is written as a \u escape, not recognised here), and of escapes only the short
 * ones JSON.stringify uses (\" \\ \b \f \n \r \t). Returns -1 when not recognised, 1 when it
 * holds an escape, 0 when its text is its value.
 */
function string(): number {
  if (plain) {
    const end = text.indexOf('"', at + 1);
    if (end < 0) return -1;
    at = end + 1;
    return 0;
  }
  let escaped = 0;
  for (let i = at + 1; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      at = i + 1;
      return escaped;
    }
    if (c < 0x20) return -1;
    if (c === 0x5c) {
      const n = text.charCodeAt(i + 1);
      if (n !== 0x22 && n !== 0x5c && n !== 0x62 && n !== 0x66 && n !== 0x6e && n !== 0x72 && n !== 0x74) return -1;
      escaped = 1;
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      const n = text.charCodeAt(i + 1);
      if (c >= 0xdc00 || !(n >= 0xdc00 && n <= 0xdfff)) return -1;
      i++;
    }
  }
  return -1;
}

/** Key [b, bEnd) sorts strictly after key [a, aEnd) by UTF-16 code unit (Array.prototype.sort's order). */
function keyAfter(a: number, aEnd: number, b: number, bEnd: number): boolean {
  const n = Math.min(aEnd - a, bEnd - b);
  for (let k = 0; k < n; k++) {
    const x = text.charCodeAt(a + k);
    const y = text.charCodeAt(b + k);
    if (x !== y) return y > x;
  }
  return bEnd - b > aEnd - a;
}

function object(depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  at++;
  if (text.charCodeAt(at) === 0x7d) {
    at++;
    return true;
  }
  let prevFrom = -1;
  let prevTo = -1;
  for (;;) {
    const memberFrom = at;
    // Keys with escapes are not recognised: their order would have to be decided on their values.
    if (text.charCodeAt(at) !== 0x22 || string() !== 0) return false;
    const keyFrom = memberFrom + 1;
    const keyTo = at - 1;
    if (prevFrom >= 0 && !keyAfter(prevFrom, prevTo, keyFrom, keyTo)) return false;
    if (text.charCodeAt(at) !== 0x3a) return false;
    const valueFrom = ++at;
    if (!value(depth)) return false;
    if (capture && depth === 1) captureMember(keyFrom, keyTo, memberFrom, valueFrom);
    prevFrom = keyFrom;
    prevTo = keyTo;
    const c = text.charCodeAt(at);
    at++;
    if (c === 0x7d) return true;
    if (c !== 0x2c) return false;
  }
}

function array(depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  at++;
  if (text.charCodeAt(at) === 0x5d) {
    at++;
    return true;
  }
  for (;;) {
    if (!value(depth)) return false;
    const c = text.charCodeAt(at);
    at++;
    if (c === 0x5d) return true;
    if (c !== 0x2c) return false;
  }
}

/** A top-level "hash" or "prevHash" whose value is a string without escapes (its text is its value). */
function captureMember(keyFrom: number, keyTo: number, memberFrom: number, valueFrom: number): void {
  const keyLength = keyTo - keyFrom;
  const isHash = keyLength === 4 && text.startsWith('hash', keyFrom);
  if (!isHash && !(keyLength === 8 && text.startsWith('prevHash', keyFrom))) return;
  if (text.charCodeAt(valueFrom) !== 0x22) return;
  const v = text.slice(valueFrom + 1, at - 1);
  if (v.includes('\\')) return;
  if (isHash) {
    hashValue = v;
    hashFrom = memberFrom;
    hashTo = at;
  } else {
    prevHashValue = v;
  }
}
