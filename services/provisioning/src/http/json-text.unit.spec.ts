import { decodeMarkingInvalid, illFormedTextAt, nestedDeeperThan, printablePath } from './json-text.js';

describe('nestedDeeperThan', () => {
  const nest = (n: number, open = '[', close = ']') => open.repeat(n) + close.repeat(n);
  it('counts arrays and objects, not brackets inside strings or after escapes', () => {
    expect(nestedDeeperThan(nest(32), 32)).toBe(false);
    expect(nestedDeeperThan(nest(33), 32)).toBe(true);
    expect(nestedDeeperThan('{"a":{"b":[1]}}', 2)).toBe(true);
    expect(nestedDeeperThan('{"a":"[[[[[[[[[[", "b":"\\"[[[[["}', 1)).toBe(false);
    expect(nestedDeeperThan('{"a":"\\\\"}', 1)).toBe(false);
  });
  it('takes 2,500 levels in one pass (the attack body of issue 15)', () => {
    const text = '{"a":'.repeat(2500) + '1' + '}'.repeat(2500);
    expect(nestedDeeperThan(text, 32)).toBe(true);
  });
});

describe('decodeMarkingInvalid', () => {
  it('keeps valid UTF-8 and marks each invalid byte as a lone low surrogate', () => {
    expect(decodeMarkingInvalid(Buffer.from('zoë 😀', 'utf8'))).toBe('zoë 😀');
    const bad = Buffer.concat([Buffer.from('a'), Buffer.from([0xff]), Buffer.from('b'), Buffer.from([0xc0, 0xaf]), Buffer.from([0xed, 0xa0, 0x80])]);
    const s = decodeMarkingInvalid(bad);
    expect(s.startsWith('a\udcffb')).toBe(true);
    expect([...s].filter((c) => /\p{Surrogate}/u.test(c))).toHaveLength(6); // overlong and CESU surrogate bytes too
  });
  it('refuses truncated sequences at the end', () => {
    expect(decodeMarkingInvalid(Buffer.from([0x61, 0xe2, 0x82]))).toBe('a\udce2\udc82');
  });
});

describe('illFormedTextAt', () => {
  it('names the first string or key holding a lone surrogate, at any depth', () => {
    expect(illFormedTextAt({ organization: 'Acme', subdomain: 'ac\ud800me' })).toBe('subdomain');
    expect(illFormedTextAt({ a: [{ b: 'ok' }, { c: '\udc00' }] })).toBe('a[1].c');
    expect(illFormedTextAt({ ['k\ud800']: 1 })).toBe('k\ud800');
    expect(illFormedTextAt('\ud800')).toBe('');
  });
  it('accepts well-formed pairs and plain values', () => {
    expect(illFormedTextAt({ a: '😀 \ud83d\ude00', n: 1, t: true, z: null, l: ['x'] })).toBeUndefined();
  });
  it('prints a path without the surrogates', () => {
    expect(printablePath('k\ud800')).toBe('k\ufffd');
  });
});
