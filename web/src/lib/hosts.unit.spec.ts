import { apexRedirect, classifyHost, parseRedirectTarget, personRedirect } from './hosts';

const ROOT = 'example.localhost';
const BASE = 'http://example.localhost:3000';
const APEX = new URL(BASE);
const HOME = 'http://acme.example.localhost:3000/';
const via = (target: string) => `${BASE}/auth/continue?next=${encodeURIComponent(target)}`;

describe('classifyHost', () => {
  it.each([
    ['example.localhost:3000', { kind: 'apex' }],
    ['EXAMPLE.localhost', { kind: 'apex' }],
    ['www.example.localhost:3000', { kind: 'www' }],
    ['acme.example.localhost:3000', { kind: 'tenant', label: 'acme' }],
    ['a.b.example.localhost', { kind: 'unknown' }],
    ['admin.example.localhost', { kind: 'unknown' }],
    ['-x-.example.localhost', { kind: 'unknown' }],
    ['evilexample.localhost', { kind: 'unknown' }],
    ['example.localhost.evil.test', { kind: 'unknown' }],
    ['127.0.0.1:3000', { kind: 'unknown' }],
    ['', { kind: 'unknown' }],
  ])('%s -> %j', (host, kind) => {
    expect(classifyHost(host, ROOT)).toEqual(kind);
  });
});

/** Refused by every rule: off-site, disguised, or not a URL we would ever make. */
const HOSTILE = [
  'http://evil.test/',
  'https://evil.test/',
  '//evil.test/',
  '///evil.test/',
  '//example.localhost:3000/',
  '/\\evil.test/',
  '\\\\evil.test/',
  '/\t/evil.test/',
  '/\n/evil.test/',
  ' http://evil.test/',
  'http://evil.test/ ',
  'http:evil.test',
  'http:/evil.test',
  'http:\\\\evil.test',
  'evil.test',
  'example.localhost:3000/x',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'data:text/html,<script>1</script>',
  'vbscript:x',
  'ftp://example.localhost:3000/',
  'http://example.localhost.evil.test:3000/',
  'http://evilexample.localhost:3000/',
  'http://example.localhost:3000@evil.test/',
  'http://example.localhost:3000%40evil.test/',
  'http://user:pw@example.localhost:3000/',
  'http://user@acme.example.localhost:3000/',
  'http://acme.example.localhost:3000%40evil.test/',
  'http://evil.test%2F.example.localhost:3000/',
  'http://evil.test%5C.example.localhost:3000/',
  'http://evil.test%252F.example.localhost:3000/',
  '/%2F%2Fevil.test/',
  '/%2f%2fevil.test/',
  '/%5Cevil.test/',
  '/%09/evil.test/',
  '/%2e%2e/%2e%2e/x',
  '%2F%2Fevil.test%2F',
  'http://example.localhost．evil.test:3000/',
  'http://exａmple.localhost:3000/',
  'http://example.localhost.:3000/',
  'https://example.localhost:3000/',
  'http://example.localhost:4000/',
  'http://example.localhost/',
  'http://www.example.localhost:3000/',
  'http://a.b.example.localhost:3000/',
  'http://admin.example.localhost:3000/',
  'http://127.0.0.1:3000/',
  'http://[::1]:3000/',
  `/${'a'.repeat(2100)}`,
  '',
];

describe('parseRedirectTarget', () => {
  it.each([
    ['/', `${BASE}/`],
    ['/auth/continue?next=http%3A%2F%2Fevil.test', `${BASE}/auth/continue?next=http%3A%2F%2Fevil.test`],
    ['HTTP://ACME.example.localhost:3000/x', 'http://acme.example.localhost:3000/x'],
  ])('parses %s', (raw, href) => {
    expect(parseRedirectTarget(raw, APEX)?.href).toBe(href);
  });

  it.each([undefined, null, 42, {}, ['/']])('refuses a non-string %p', (raw) => {
    expect(parseRedirectTarget(raw, APEX)).toBeNull();
  });
});

describe('apexRedirect (next-auth redirect callback, login page)', () => {
  it.each([
    ['/auth/continue', `${BASE}/auth/continue`],
    ['/signup/t_123?x=1#y', `${BASE}/signup/t_123?x=1#y`],
    [`${BASE}/onboarding`, `${BASE}/onboarding`],
    ['http://EXAMPLE.localhost:3000/', `${BASE}/`],
  ])('keeps the apex target %s', (raw, expected) => {
    expect(apexRedirect(raw, APEX, ROOT)).toBe(expected);
  });

  it.each(['http://acme.example.localhost:3000/x?y=1', 'http://bob.example.localhost:3000/', 'http://no-such-tenant.example.localhost:3000/'])(
    'sends the tenant host %s through /auth/continue (which knows the person)',
    (raw) => {
      expect(apexRedirect(raw, APEX, ROOT)).toBe(via(new URL(raw).href));
    },
  );

  it.each(HOSTILE)('refuses %j', (raw) => {
    expect(apexRedirect(raw, APEX, ROOT)).toBe(`${BASE}/`);
    expect(apexRedirect(raw, APEX, ROOT, `${BASE}/auth/continue`)).toBe(`${BASE}/auth/continue`);
  });

  it('follows the apex scheme and port (https, default port)', () => {
    const apex = new URL('https://example.com');
    expect(apexRedirect('https://example.com:443/x', apex, 'example.com')).toBe('https://example.com/x');
    expect(apexRedirect('http://example.com/x', apex, 'example.com')).toBe('https://example.com/');
    expect(apexRedirect('https://acme.example.com/', apex, 'example.com')).toBe(`https://example.com/auth/continue?next=${encodeURIComponent('https://acme.example.com/')}`);
  });
});

describe('personRedirect (/auth/continue, signed in as acme)', () => {
  const person = (raw: unknown) => personRedirect(raw, APEX, ROOT, 'acme', HOME);

  it.each([
    ['http://acme.example.localhost:3000/x?y=1', 'http://acme.example.localhost:3000/x?y=1'],
    ['http://ACME.example.localhost:3000', 'http://acme.example.localhost:3000/'],
    ['/signup', `${BASE}/signup`],
    [`${BASE}/`, `${BASE}/`],
  ])('allows %s', (raw, expected) => {
    expect(person(raw)).toBe(expected);
  });

  it.each([
    ...HOSTILE,
    'http://bob.example.localhost:3000/',
    'http://no-such-tenant.example.localhost:3000/',
    'http://acme.example.localhost:4000/',
    'https://acme.example.localhost:3000/',
    'http://acme.example.localhost/',
    'http://acme.example.localhost.evil.test:3000/',
    'http://acme.example.localhost:3000@bob.example.localhost:3000/',
    'http://x.acme.example.localhost:3000/',
    '/auth/continue?next=http://bob.example.localhost:3000/',
  ])('refuses %j', (raw) => {
    expect(person(raw)).toBe(HOME);
  });
});
