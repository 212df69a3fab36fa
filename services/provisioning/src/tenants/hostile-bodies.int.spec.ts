/**
 * fast-check: 500+ generated hostile bodies at POST /v1/tenants. Every body is built to break at
 * least one rule (wrong type, size, characters, keys, shape), so every answer must be a 4xx
 * problem+json, none a 5xx, and the event store must not have grown by a single event.
 */
import fc from 'fast-check';
import { BACKENDS, auth, idem, startHarness, type Harness } from '../test-support/app-harness.js';

const RUNS = 520;
const valid = () => ({ organization: 'Acme Ltd', subdomain: 'valid-acme', adminEmail: 'ada@acme.test', adminPassword: 'correct horse battery' });
type Body = Record<string, unknown>;
const FIELDS = ['organization', 'subdomain', 'adminEmail', 'adminPassword'] as const;

const SHELL = ['$(reboot)', '`id`', '; rm -rf /', '| nc evil 1', '&& curl x', "' OR 1=1 --", '../../etc/passwd', '%00', '\n', '${IFS}'];
const INVISIBLE = ['\u200b', '\u200d', '\u202e', '\ufeff', '\u0000', '\u0007', '\u2028', '\u00ad'];

const wrongType = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
  fc.double(),
);
const huge = fc.integer({ min: 300, max: 15_000 }).map((n) => 'A'.repeat(n));
const junkChars = fc.tuple(fc.constantFrom(...SHELL, ...INVISIBLE), fc.string({ maxLength: 10 })).map(([a, b]) => `ac${a}me${b}`); // inside, so trimming cannot save it

/** One mutation that makes a body invalid on its own. */
const breaking: fc.Arbitrary<(b: Body) => Body | unknown> = fc.oneof(
  fc.tuple(fc.constantFrom(...FIELDS), wrongType).map(([f, v]) => (b: Body) => ({ ...b, [f]: v })),
  fc.tuple(fc.constantFrom(...FIELDS), huge).map(([f, v]) => (b: Body) => ({ ...b, [f]: v })),
  fc.constantFrom(...FIELDS).map((f) => (b: Body) => ({ ...b, [f]: '' })),
  fc.constantFrom(...FIELDS).map((f) => (b: Body) => {
    const c = { ...b };
    delete c[f];
    if (f === 'adminPassword') delete c.identityProvider; // a Google signup needs none
    return c;
  }),
  junkChars.map((v) => (b: Body) => ({ ...b, subdomain: v })),
  fc.constantFrom(...INVISIBLE).map((z) => (b: Body) => ({ ...b, organization: `Acme${z}Ltd` })),
  fc.tuple(fc.constantFrom(...SHELL.filter((x) => x !== '%00'), ...INVISIBLE, 'ü', '　'), fc.constantFrom('local', 'domain')).map(([j, where]) => (b: Body) => ({
    ...b,
    adminEmail: where === 'local' ? `ada${j}@acme.test` : `ada@ac${j}me.test`,
  })),
  fc.string({ maxLength: 9 }).map((p) => (b: Body) => ({ ...b, adminPassword: p })),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'isAdmin', 'tenantId', 'status', 'apps').map((k) => (b: Body) => ({ ...b, [k]: { polluted: true } })),
  fc.constantFrom('admin', 'www', 'xn--acme', 'ab', '-acme', 'acme-', 'a'.repeat(33), 'ac me', 'acme.evil.com').map((s) => (b: Body) => ({ ...b, subdomain: s })),
  fc.oneof(fc.constant([]), fc.array(fc.constant(valid()), { minLength: 1, maxLength: 3 }), fc.string(), fc.integer(), fc.constant(null)).map((x) => () => x),
  fc
    .constantFrom('google-with-password', 'unknown-provider')
    .map((k) => (b: Body) => (k === 'google-with-password' ? { ...b, identityProvider: 'google', adminPassword: 'correct horse battery' } : { ...b, identityProvider: 'saml' })),
);

/** Harmless noise on top (may or may not be valid on its own). */
const noise: fc.Arbitrary<(b: Body) => Body> = fc.oneof(
  fc.constant((b: Body) => b),
  fc.constantFrom(...SHELL).map((s) => (b: Body) => ({ ...b, organization: `Acme ${s}` })),
  fc.string({ unit: 'binary', maxLength: 20 }).map((s) => (b: Body) => ({ ...b, organization: s })),
);

/** JSON text, with `__proto__` kept as a literal key (JSON.stringify would not write it). */
function toJson(body: unknown): string {
  if (body && typeof body === 'object' && !Array.isArray(body) && Object.prototype.hasOwnProperty.call(body, '__proto__')) {
    const { __proto__: proto, ...rest } = body as Record<string, unknown>;
    return JSON.stringify(rest)
      .replace(/^\{/, `{"__proto__":${JSON.stringify(proto)},`)
      .replace(/,\}$/, '}');
  }
  return JSON.stringify(body);
}

describe.each(BACKENDS)('hostile bodies on %s', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(backend);
  });
  afterAll(async () => {
    await h?.close();
  });

  it(`answers ${RUNS} hostile bodies with 4xx problem+json and appends nothing`, async () => {
    const head = await h.store.headPosition();
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(noise, breaking, fc.array(breaking, { maxLength: 2 }), async (n, first, more) => {
        // The guaranteed-breaking mutation goes last, so no later one can repair the body.
        let body: unknown = n(valid());
        for (const m of more) body = body && typeof body === 'object' && !Array.isArray(body) ? m(body as Body) : body;
        body = body && typeof body === 'object' && !Array.isArray(body) ? first(body as Body) : first(valid());
        const r = await h.inject({ method: 'POST', url: '/v1/tenants', headers: { ...auth, ...idem(), 'content-type': 'application/json' }, body: toJson(body) });
        statuses.set(r.statusCode, (statuses.get(r.statusCode) ?? 0) + 1);
        if (r.statusCode < 400 || r.statusCode >= 500) throw new Error(`status ${r.statusCode} for ${toJson(body).slice(0, 300)}: ${r.body.slice(0, 300)}`);
        expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
        const p = r.json();
        expect(p).toMatchObject({ status: r.statusCode, code: expect.any(String), title: expect.any(String), detail: expect.any(String), type: expect.any(String) });
        expect(r.body).not.toMatch(/\bat .+\.(js|ts):\d+/); // no stack trace
      }),
      { numRuns: RUNS },
    );
    expect(await h.store.headPosition()).toBe(head);
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(RUNS);
  }, 180_000);
});
