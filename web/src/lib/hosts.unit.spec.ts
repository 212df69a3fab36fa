import { classifyHost, safeRedirect } from './hosts';

const ROOT = 'example.localhost';
const BASE = 'http://example.localhost:3000';

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

describe('safeRedirect', () => {
  it.each([
    ['/auth/continue', `${BASE}/auth/continue`],
    ['http://acme.example.localhost:3000/x?y=1', 'http://acme.example.localhost:3000/x?y=1'],
    [`${BASE}/signup`, `${BASE}/signup`],
  ])('keeps our own %s', (url, expected) => {
    expect(safeRedirect(url, BASE, ROOT)).toBe(expected);
  });

  it.each([
    'http://evil.test/',
    '//evil.test/',
    '/\\evil.test/',
    'http://example.localhost.evil.test:3000/',
    'http://evilexample.localhost:3000/',
    'http://example.localhost:3000@evil.test/',
    'http://user:pw@acme.example.localhost:3000/',
    'http://acme.example.localhost:3000%40evil.test/',
    'http://evil.test%2F.example.localhost:3000/',
    'https://acme.example.localhost:3000/',
    'http://acme.example.localhost:4000/',
    'http://a.b.example.localhost:3000/',
    'http://admin.example.localhost:3000/',
    'javascript:alert(1)',
    'data:text/html,<script>1</script>',
  ])('refuses %s', (url) => {
    const out = safeRedirect(url, BASE, ROOT);
    expect(out).toBe(BASE);
  });
});
