/**
 * Issue 15, finding 3: what the edge refuses before any handler runs is refused with the right
 * status and an application/problem+json document with a stable code, never a 500, and nothing
 * is appended. Raw sockets, so the bytes (invalid UTF-8, long targets) arrive as written.
 */
import { auth, signupBody, startHarness, idem, type Harness } from '../test-support/app-harness.js';
import { MAX_JSON_DEPTH } from './json-body.js';
import { rawRequest, type RawRequest } from './test-support/raw-http.js';

const json = { 'content-type': 'application/json' };
const signupBytes = (raw: string | Buffer): RawRequest => ({ method: 'POST', target: '/v1/tenants', headers: { ...auth, ...json, ...idem() }, body: raw });
/** A valid signup body with one field's JSON text replaced by `valueJson` (bytes as given). */
const withField = (field: string, valueJson: Buffer): Buffer => {
  const [before, after] = JSON.stringify({ ...signupBody(), [field]: '\u0000MARK' }).split('"\\u0000MARK"');
  return Buffer.concat([Buffer.from(before), valueJson, Buffer.from(after)]);
};

describe('edge refusals as problem+json', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('sqlite');
  });
  afterAll(async () => {
    await h?.close();
  });

  // Rows of equal length: it.each hands a test function with more parameters than a row has
  // cells Jest's `done` callback instead, and the test then waits for it.
  const cases: Array<[string, () => RawRequest, number, string, string | null]> = [
    ['2,500 levels of JSON in 16 KiB (was a 500)', () => signupBytes(`{"organization":${'['.repeat(2500)}${']'.repeat(2500)}}`), 400, 'REQUEST.TOO_DEEP', null],
    [`${MAX_JSON_DEPTH + 1} levels of objects`, () => signupBytes('{"a":'.repeat(MAX_JSON_DEPTH + 1) + '1' + '}'.repeat(MAX_JSON_DEPTH + 1)), 400, 'REQUEST.TOO_DEEP', null],
    ['invalid UTF-8 in a field', () => signupBytes(withField('organization', Buffer.from([0x22, 0x41, 0x63, 0xff, 0x6d, 0x65, 0x22]))), 400, 'REQUEST.INVALID_TEXT', 'organization'],
    ['an overlong UTF-8 sequence', () => signupBytes(withField('organization', Buffer.from([0x22, 0x41, 0xc0, 0xaf, 0x22]))), 400, 'REQUEST.INVALID_TEXT', 'organization'],
    ['a UTF-8-encoded surrogate (CESU)', () => signupBytes(withField('subdomain', Buffer.from([0x22, 0x61, 0xed, 0xa0, 0x80, 0x22]))), 400, 'REQUEST.INVALID_TEXT', 'subdomain'],
    ['a lone surrogate escape', () => signupBytes(withField('subdomain', Buffer.from('"ac\\ud800me"'))), 400, 'REQUEST.INVALID_TEXT', 'subdomain'],
    ['a lone low surrogate in the password', () => signupBytes(withField('adminPassword', Buffer.from('"correct horse \\udfff battery"'))), 400, 'REQUEST.INVALID_TEXT', 'adminPassword'],
    ['a lone surrogate in a key', () => signupBytes('{"\\ud800":1}'), 400, 'REQUEST.INVALID_TEXT', null],
    ['invalid UTF-8 outside strings', () => signupBytes(Buffer.from([0x7b, 0xff, 0x7d])), 400, 'REQUEST.MALFORMED_JSON', null],
    ['malformed JSON', () => signupBytes('{"organization":'), 400, 'REQUEST.MALFORMED_JSON', null],
    ['__proto__ key', () => signupBytes('{"__proto__":{"x":1}}'), 400, 'REQUEST.MALFORMED_JSON', null],
    ['a body over 16 KiB', () => signupBytes(JSON.stringify({ ...signupBody(), organization: 'A'.repeat(17 * 1024) })), 413, 'REQUEST.BODY_TOO_LARGE', null],
    ['a text/plain body', () => ({ method: 'POST', target: '/v1/tenants', headers: { ...auth, 'content-type': 'text/plain', ...idem() }, body: 'hello' }), 415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE', null],
    ['a target over 2 KiB', () => ({ method: 'GET', target: `/v1/lookup?subdomain=${'a'.repeat(3000)}`, headers: auth }), 414, 'REQUEST.URI_TOO_LONG', null],
    ['a target over 2 KiB without the bearer', () => ({ method: 'GET', target: `/v1/lookup?subdomain=${'a'.repeat(3000)}` }), 414, 'REQUEST.URI_TOO_LONG', null],
    ['a path parameter over the router limit', () => ({ method: 'GET', target: `/v1/subdomains/${'a'.repeat(500)}`, headers: auth }), 414, 'REQUEST.URI_TOO_LONG', null],
    ['a request head over 16 KiB (Node refuses it)', () => ({ method: 'GET', target: `/v1/lookup?subdomain=${'a'.repeat(20_000)}`, headers: auth }), 431, 'REQUEST.HEADERS_TOO_LARGE', null],
    ['a bad percent-escape in the path', () => ({ method: 'GET', target: '/v1/subdomains/%c0%af', headers: auth }), 400, 'REQUEST.BAD_URL', null],
    ['a lower-case method (Node refuses it)', () => ({ method: 'get', target: '/health' }), 400, 'REQUEST.BAD', null],
    ['a space in the target', () => ({ method: 'GET', target: '/v1/lookup x' }), 400, 'REQUEST.BAD', null],
    ['an unknown route', () => ({ method: 'GET', target: '/v2/anything', headers: auth }), 404, 'REQUEST.NOT_FOUND', null],
  ];

  it.each(cases.map(([name, req, status, code, field]) => [name, status, code, field, req] as const))('%s: %i %s', async (_name, status, code, field, req) => {
    const head = await h.store.headPosition();
    const r = await rawRequest(h.baseUrl, req());
    expect(r.status).toBe(status);
    expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
    const p = JSON.parse(r.body) as Record<string, unknown>;
    expect(p).toMatchObject({ status, code, type: expect.stringMatching(/^urn:tlc:problem:/), title: expect.any(String), detail: expect.any(String) });
    if (field) expect(p.field).toBe(field);
    expect(r.body).not.toMatch(/\bat .+\.(js|ts):\d+/);
    expect(await h.store.headPosition()).toBe(head);
  });

  it('still takes a valid body, with well-formed astral characters and nesting within the limit', async () => {
    const r = await rawRequest(h.baseUrl, signupBytes(JSON.stringify({ ...signupBody(), organization: 'Acme 😀 Ltd' })));
    expect([r.status, r.body]).toEqual([202, expect.any(String)]);
  });
});
