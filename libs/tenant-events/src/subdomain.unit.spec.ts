import fc from 'fast-check';
import { RESERVED_SUBDOMAINS, SUBDOMAIN_MAX, SUBDOMAIN_MIN, checkSubdomain, isValidSubdomainLabel, normalizeSubdomain, type SubdomainRejection } from './subdomain.js';

const LABEL = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
const codeOf = (input: unknown) => {
  const r = checkSubdomain(input);
  return r.ok ? 'OK' : r.code;
};

describe('checkSubdomain', () => {
  it.each<[string, unknown, SubdomainRejection | 'OK']>([
    ['empty', '', 'SUBDOMAIN.REQUIRED'],
    ['whitespace only', ' \t\n ', 'SUBDOMAIN.REQUIRED'],
    ['not a string', 42, 'SUBDOMAIN.REQUIRED'],
    ['undefined', undefined, 'SUBDOMAIN.REQUIRED'],
    ['2 characters', 'ab', 'SUBDOMAIN.TOO_SHORT'],
    ['2 characters after trimming', '  ab  ', 'SUBDOMAIN.TOO_SHORT'],
    ['3 characters', 'abc', 'OK'],
    ['32 characters', 'a'.repeat(32), 'OK'],
    ['33 characters', 'a'.repeat(33), 'SUBDOMAIN.TOO_LONG'],
    ['33 characters with hyphens', `a${'-'.repeat(31)}a`, 'SUBDOMAIN.TOO_LONG'],
    ['digits only', '123', 'OK'],
    ['an inner hyphen', 'my-shop', 'OK'],
    ['a space inside', 'my shop', 'SUBDOMAIN.INVALID_CHARACTERS'],
    ['an underscore', 'my_shop', 'SUBDOMAIN.INVALID_CHARACTERS'],
    ['a dot', 'my.shop', 'SUBDOMAIN.INVALID_CHARACTERS'],
    ['an accented letter', 'café', 'SUBDOMAIN.INVALID_CHARACTERS'],
    ['a Cyrillic look-alike', 'аcme', 'SUBDOMAIN.INVALID_CHARACTERS'],
    ['an emoji', 'shop😀', 'SUBDOMAIN.INVALID_CHARACTERS'],
    ['a zero-width space', 'ac\u200bme', 'SUBDOMAIN.INVALID_CHARACTERS'],
    ['a trailing zero-width joiner', 'acme\u200d', 'SUBDOMAIN.INVALID_CHARACTERS'],
    ['a slash', 'acme/x', 'SUBDOMAIN.INVALID_CHARACTERS'],
    ['a leading hyphen', '-acme', 'SUBDOMAIN.HYPHEN_AT_EDGE'],
    ['a trailing hyphen', 'acme-', 'SUBDOMAIN.HYPHEN_AT_EDGE'],
    ['only hyphens', '---', 'SUBDOMAIN.HYPHEN_AT_EDGE'],
    ['the xn-- prefix', 'xn--abc', 'SUBDOMAIN.PUNYCODE'],
    ['any ?? -- prefix', 'ab--cd', 'SUBDOMAIN.PUNYCODE'],
    ['a double hyphen elsewhere', 'abc--d', 'OK'],
    ['a double hyphen at places 2-3', 'a--bc', 'OK'],
    ['a reserved name', 'www', 'SUBDOMAIN.RESERVED'],
    ['a reserved name in capitals with spaces', '  ADMIN ', 'SUBDOMAIN.RESERVED'],
  ])('%s -> %s', (_, input, code) => {
    expect(codeOf(input)).toBe(code);
  });

  it('trims and lowercases before checking, and returns the normalised value', () => {
    expect(checkSubdomain('  Acme-Shop  ')).toEqual({ ok: true, subdomain: 'acme-shop' });
    expect(checkSubdomain(' MY SHOP ')).toMatchObject({ ok: false, subdomain: 'my shop', code: 'SUBDOMAIN.INVALID_CHARACTERS' });
    expect(normalizeSubdomain('\tACME\n')).toBe('acme');
  });

  it('explains every rejection in a sentence', () => {
    const inputs = ['', 'ab', 'a'.repeat(33), 'a_b', '-ab', 'xn--ab', 'support'];
    const codes = new Set<string>();
    for (const input of inputs) {
      const r = checkSubdomain(input);
      if (r.ok) throw new Error(`${input} should be rejected`);
      codes.add(r.code);
      expect(r.message).toMatch(/^[A-Z"].{10,}[.!?]$/);
      expect(r.message).not.toMatch(/SUBDOMAIN\./);
    }
    expect(codes.size).toBe(inputs.length);
    expect(checkSubdomain('ab')).toMatchObject({ message: expect.stringContaining(String(SUBDOMAIN_MIN)) });
    expect(checkSubdomain('a'.repeat(40))).toMatchObject({ message: expect.stringContaining(String(SUBDOMAIN_MAX)) });
    expect(checkSubdomain('Billing')).toMatchObject({ message: expect.stringContaining('"billing"') });
  });

  it('reserves at least the names the product brief lists', () => {
    const required = [
      'www',
      'api',
      'admin',
      'app',
      'auth',
      'login',
      'logout',
      'signup',
      'account',
      'mail',
      'smtp',
      'imap',
      'pop',
      'mx',
      'ns1',
      'ns2',
      'cdn',
      'static',
      'assets',
      'status',
      'docs',
      'help',
      'support',
      'blog',
      'billing',
      'dashboard',
      'dev',
      'staging',
      'test',
      'erp',
      'frappe',
      'desk',
      'localhost',
    ];
    for (const name of required) {
      expect(RESERVED_SUBDOMAINS.has(name)).toBe(true);
      expect(checkSubdomain(name).ok).toBe(false);
    }
    // Every reserved name is rejected, whatever rule catches it first (some are under 3 characters).
    for (const name of RESERVED_SUBDOMAINS) expect(checkSubdomain(name).ok).toBe(false);
  });

  it('accepts only labels of the right shape, length and not reserved (fast-check)', () => {
    const chars = [...'abcdefghijklmnopqrstuvwxyz0123456789-ABC _.é\u200b'];
    const input = fc.oneof(fc.string({ unit: fc.constantFrom(...chars), maxLength: 40 }), fc.string({ maxLength: 40 }), fc.constantFrom(...RESERVED_SUBDOMAINS));
    fc.assert(
      fc.property(input, (raw) => {
        const r = checkSubdomain(raw);
        if (!r.ok) return;
        expect(r.subdomain).toMatch(LABEL);
        expect(r.subdomain.length).toBeGreaterThanOrEqual(3);
        expect(r.subdomain.length).toBeLessThanOrEqual(32);
        expect(r.subdomain.slice(2, 4)).not.toBe('--');
        expect(RESERVED_SUBDOMAINS.has(r.subdomain)).toBe(false);
        expect(r.subdomain).toBe(normalizeSubdomain(raw));
      }),
      { numRuns: 1000 },
    );
  });

  it('accepts every well-formed, non-reserved label (fast-check)', () => {
    const alnum = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789');
    const label = fc
      .tuple(alnum, fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-'), minLength: 1, maxLength: 30 }), alnum)
      .map(([a, mid, b]) => `${a}${mid}${b}`)
      .filter((s) => s.slice(2, 4) !== '--' && !RESERVED_SUBDOMAINS.has(s));
    fc.assert(
      fc.property(label, (s) => expect(checkSubdomain(s)).toEqual({ ok: true, subdomain: s })),
      { numRuns: 500 },
    );
  });
});

describe('isValidSubdomainLabel', () => {
  it('accepts an already normalised, valid label only', () => {
    expect(isValidSubdomainLabel('acme')).toBe(true);
    expect(isValidSubdomainLabel('acme-2')).toBe(true);
    expect(isValidSubdomainLabel('Acme')).toBe(false);
    expect(isValidSubdomainLabel(' acme')).toBe(false);
    expect(isValidSubdomainLabel('www')).toBe(false);
    expect(isValidSubdomainLabel('xn--acme')).toBe(false);
    expect(isValidSubdomainLabel('a.b.c')).toBe(false);
    expect(isValidSubdomainLabel('')).toBe(false);
  });
});
