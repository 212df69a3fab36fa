import fc from 'fast-check';
import { canonicalJson, canonicalJsonWithout } from './canonical-json.js';

/** The original (slow) writer: the fast one must give the same bytes, since stored hashes are over them. */
function reference(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${Array.from(value, (v) => reference(v === undefined ? null : v)).join(',')}]`;
  const rec = value as Record<string, unknown>;
  return `{${Object.keys(rec)
    .filter((k) => rec[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${reference(rec[k])}`)
    .join(',')}}`;
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: undefined, x: 'é' }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"x":"é","z":1}]},"b":1}');
  });

  it('gives the same text whatever the insertion order of keys', () => {
    const a = { tenantId: 't', nested: { y: [1, 2], x: { q: true, p: false } }, apps: ['erpnext'] };
    const b = { apps: ['erpnext'], nested: { x: { p: false, q: true }, y: [1, 2] }, tenantId: 't' };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"apps":["erpnext"],"nested":{"x":{"p":false,"q":true},"y":[1,2]},"tenantId":"t"}');
  });

  it('keeps array order (arrays are not sorted)', () => {
    expect(canonicalJson([3, 1, 2])).toBe('[3,1,2]');
    expect(canonicalJson([[{ b: 1, a: 2 }], []])).toBe('[[{"a":2,"b":1}],[]]');
  });

  it('sorts keys by UTF-16 code unit, not by locale', () => {
    expect(canonicalJson({ b: 1, B: 2, é: 3, a: 4, '10': 5, '9': 6 })).toBe('{"10":5,"9":6,"B":2,"a":4,"b":1,"é":3}');
    // U+FB01 (BMP, 0xFB01) sorts after the astral 😀 (surrogate 0xD83D) in code-unit order.
    expect(canonicalJson({ ﬁ: 1, '😀': 2 })).toBe('{"😀":2,"ﬁ":1}');
  });

  it('writes unicode as-is and escapes what JSON requires', () => {
    expect(canonicalJson({ s: 'Ünïcødé 日本 😀 \u200b' })).toBe('{"s":"Ünïcødé 日本 😀 \u200b"}');
    expect(canonicalJson('quote " backslash \\ newline \n tab \t nul \u0000')).toBe('"quote \\" backslash \\\\ newline \\n tab \\t nul \\u0000"');
    // A lone surrogate is escaped (well-formed JSON.stringify), so the text stays valid UTF-8.
    expect(canonicalJson('\ud800')).toBe('"\\ud800"');
  });

  it('writes scalars like JSON.stringify, and dates as ISO strings', () => {
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson(true)).toBe('true');
    expect(canonicalJson(-0)).toBe('0');
    expect(canonicalJson(1e21)).toBe('1e+21');
    expect(canonicalJson(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(canonicalJson({ at: new Date(Date.UTC(2026, 10, 27)) })).toBe('{"at":"2026-11-27T00:00:00.000Z"}');
  });

  it('drops undefined members but writes undefined array items (and holes) as null', () => {
    expect(canonicalJson({ a: undefined })).toBe('{}');
    expect(canonicalJson([undefined, 1])).toBe('[null,1]');
    // eslint-disable-next-line no-sparse-arrays
    expect(canonicalJson([1, , 3])).toBe('[1,null,3]');
  });

  it('refuses values JSON cannot carry', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/not representable/);
    expect(() => canonicalJson({ n: Number.POSITIVE_INFINITY })).toThrow(/not representable/);
    expect(() => canonicalJson([Number.NEGATIVE_INFINITY])).toThrow(/not representable/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/function is not representable/);
    expect(() => canonicalJson({ big: 10n })).toThrow(/bigint is not representable/);
    expect(() => canonicalJson({ s: Symbol('x') })).toThrow(/symbol is not representable/);
    expect(() => canonicalJson(undefined)).toThrow(/undefined is not representable/);
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => canonicalJson(loop)).toThrow(/circular/);
    const arrLoop: unknown[] = [];
    arrLoop.push({ inner: arrLoop });
    expect(() => canonicalJson(arrLoop)).toThrow(/circular/);
  });

  it('accepts the same object referenced twice (shared, not circular)', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: [shared, shared] })).toBe('{"a":{"x":1},"b":[{"x":1},{"x":1}]}');
  });

  it('round-trips any JSON value, is idempotent and does not depend on key order', () => {
    const sortDeep = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(sortDeep)
        : v && typeof v === 'object'
          ? Object.fromEntries(
              Object.keys(v)
                .sort()
                .map((k) => [k, sortDeep((v as Record<string, unknown>)[k])]),
            )
          : v;
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        expect(canonicalJson(sortDeep(JSON.parse(JSON.stringify(value))))).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('gives byte for byte what the original writer gave (stored hashes stay valid)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.dictionary(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' })), (value, strings) => {
        expect(canonicalJson(value)).toBe(reference(value));
        expect(canonicalJson(strings)).toBe(reference(strings));
      }),
      { numRuns: 300 },
    );
    expect(canonicalJson({ s: '\ud83d\ude00 \udc00 \u007f \u001f' })).toBe(reference({ s: '\ud83d\ude00 \udc00 \u007f \u001f' }));
  });

  it('canonicalJsonWithout drops one top-level member only', () => {
    expect(canonicalJsonWithout({ hash: 'h', b: { hash: 1 }, a: undefined, c: 2 }, 'hash')).toBe('{"b":{"hash":1},"c":2}');
  });
});
