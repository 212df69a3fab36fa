/**
 * Issue 15, finding 1: bearer auth must not depend on how a path is spelled. Every route of the
 * app's own route table (so a new route is attacked as soon as it exists) is requested without
 * the bearer in every spelling of path-variants.ts, with its own method, HEAD and OPTIONS, over
 * a plain socket. None may answer 2xx/3xx or a 4xx that carries data, and the event store must
 * not grow. The public routes still answer without the bearer.
 */
import { API_SECRET, auth, idem, signupBody, startHarness, type Harness } from '../test-support/app-harness.js';
import type { RouteEntry } from './route-auth.js';
import { pathVariants } from './test-support/path-variants.js';
import { rawRequest, type RawRequest, type RawResponse } from './test-support/raw-http.js';

/** What an unauthenticated caller may see: a refusal, a miss, or a malformed-request answer. */
const REFUSALS = new Set(['AUTH.UNAUTHORIZED', 'REQUEST.NOT_FOUND', 'REQUEST.BAD', 'REQUEST.BAD_URL', 'REQUEST.METHOD_NOT_ALLOWED', 'REQUEST.URI_TOO_LONG']);

async function inBatches<T, R>(items: readonly T[], size: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
  return out;
}

function leak(r: RawResponse): string | undefined {
  if (r.status < 400 || r.status >= 500) return `status ${r.status}`;
  if (r.body === '') return undefined; // HEAD, or Node's own bare 400
  if (!/^application\/problem\+json/.test(r.headers['content-type'] ?? '')) return `content-type ${r.headers['content-type']}`;
  const code = (JSON.parse(r.body) as { code?: string }).code ?? '';
  return REFUSALS.has(code) ? undefined : `code ${code}`;
}

describe('raw request targets against bearer auth', () => {
  let h: Harness;
  let tenantId: string;
  let subdomain: string;
  let host: string;
  const protectedRoutes = (): RouteEntry[] => h.service.routes.filter((r) => !r.public && r.method !== 'HEAD');

  beforeAll(async () => {
    h = await startHarness('sqlite');
    host = new URL(h.baseUrl).host;
    const body = signupBody();
    const r = await h.inject({ method: 'POST', url: '/v1/tenants', headers: { ...auth, ...idem() }, payload: body });
    expect(r.statusCode).toBe(202);
    ({ tenantId, subdomain } = r.json());
  });
  afterAll(async () => {
    await h?.close();
  });

  const concrete = (url: string): string => url.replace(':id', tenantId).replace(':name', subdomain).replace('*', 'x');
  const query = (r: RouteEntry): string => (r.url === '/v1/lookup' ? `?subdomain=${subdomain}` : '');
  /** A body that would do real work if the route were reached. */
  const bodyFor = (r: RouteEntry): Pick<RawRequest, 'headers' | 'body'> => {
    if (r.method === 'GET' || r.method === 'HEAD') return {};
    const json = r.url === '/v1/tenants' ? signupBody() : r.url.endsWith('/verify') ? { email: 'ada@acme.test', password: 'correct horse battery' } : { reason: 'attack' };
    return { headers: { 'content-type': 'application/json', ...idem() }, body: JSON.stringify(json) };
  };

  it("covers the routes that matter (the route table is the app's own)", () => {
    const keys = protectedRoutes().map((r) => `${r.method} ${r.url}`);
    for (const k of [
      'GET /v1/lookup',
      'GET /v1/lookup/tenants',
      'POST /v1/tenants',
      'GET /v1/tenants/:id',
      'POST /v1/tenants/:id/suspend',
      'DELETE /v1/tenants/:id',
      'POST /v1/credentials/verify',
      'GET /v1/subdomains/:name',
    ]) {
      expect(keys).toContain(k);
    }
    expect(h.service.routes.filter((r) => r.public).map((r) => r.url)).toEqual(expect.arrayContaining(['/health', '/metrics', '/docs', '/docs/openapi.json']));
  });

  it('the spellings are live: with the bearer, the router takes encoded and absolute-form GET targets to the handler', async () => {
    const outcome = (r: RawResponse) => `${r.status} ${r.status >= 400 ? (JSON.parse(r.body) as { code: string }).code : ''}`;
    for (const r of protectedRoutes().filter((x) => x.method === 'GET')) {
      const plain = await rawRequest(h.baseUrl, { method: 'GET', target: concrete(r.url) + query(r), headers: auth }, 1000);
      // The plain spelling's answer is one the OpenAPI document describes.
      h.contract.assert({ method: 'GET', url: concrete(r.url) + query(r) }, plain);
      expect(outcome(plain)).not.toMatch(/REQUEST\.NOT_FOUND|AUTH\./);
      const variants = pathVariants(concrete(r.url), host);
      for (const name of ['encoded first segment', 'encoded last char', 'absolute form other host']) {
        const res = await rawRequest(h.baseUrl, { method: 'GET', target: variants[name] + query(r), headers: auth }, 1000);
        expect([`${name} ${r.url}`, outcome(res)]).toEqual([`${name} ${r.url}`, outcome(plain)]);
      }
    }
  });

  it('no spelling, method or header trick reaches a protected route without the bearer, and nothing is appended', async () => {
    const head = await h.store.headPosition();
    const attempts: Array<{ label: string; req: RawRequest }> = [];
    for (const r of protectedRoutes()) {
      for (const [name, target] of Object.entries(pathVariants(concrete(r.url), host))) {
        const methods = r.method === 'GET' ? ['GET', 'HEAD', 'OPTIONS', 'get'] : [r.method, 'OPTIONS'];
        for (const method of methods) {
          const { headers, body } = bodyFor(r);
          attempts.push({ label: `${method} ${r.url} [${name}] ${target}`, req: { method, target: target + query(r), headers, body } });
        }
      }
      const canonical = concrete(r.url) + query(r);
      const tricks: Record<string, Record<string, string>> = {
        'X-Original-URL': { 'x-original-url': '/health' },
        'X-Rewrite-URL': { 'x-rewrite-url': '/health' },
        'X-Forwarded-Prefix': { 'x-forwarded-prefix': '/health' },
        'X-HTTP-Method-Override': { 'x-http-method-override': 'GET' },
        'wrong bearer': { authorization: `Bearer ${API_SECRET.slice(0, -1)}x` },
        'lower-case scheme': { authorization: `bearer ${API_SECRET}` },
        basic: { authorization: `Basic ${Buffer.from(`x:${API_SECRET}`).toString('base64')}` },
        'tab after scheme': { authorization: `Bearer\t${API_SECRET}` },
        'secret twice': { authorization: `Bearer ${API_SECRET}, Bearer ${API_SECRET}` },
        'empty bearer': { authorization: 'Bearer ' },
      };
      for (const [name, extra] of Object.entries(tricks)) {
        const { headers, body } = bodyFor(r);
        attempts.push({ label: `${r.method} ${r.url} [${name}]`, req: { method: r.method, target: canonical, headers: { ...headers, ...extra }, body } });
      }
    }
    attempts.push({ label: 'asterisk form', req: { method: 'OPTIONS', target: '*' } });
    expect(attempts.length).toBeGreaterThan(500);

    const answers = await inBatches(attempts, 8, async (a) => ({
      a,
      // A refusal answers at once; silence means a handler took the request (e.g. the event stream).
      r: await rawRequest(h.baseUrl, a.req, 3000).catch((e: Error): RawResponse => ({ status: 0, headers: {}, body: `no answer: ${e.message}`, raw: '' })),
    }));
    const leaks = answers.flatMap(({ a, r }) => {
      const why = leak(r);
      return why ? [`${a.label}: ${why} ${r.body.slice(0, 160)}`] : [];
    });
    expect(leaks).toEqual([]);
    // The spellings the router does take to a handler (see the test above) are refused, not missed.
    const routed = answers.filter(({ a }) => / \[(encoded first segment|encoded last char|absolute form other host)\] /.test(a.label) && !a.label.startsWith('OPTIONS') && !a.label.startsWith('get'));
    expect(routed.length).toBeGreaterThan(30);
    expect(routed.filter(({ r }) => r.status !== 401).map(({ a }) => a.label)).toEqual([]);
    expect(await h.store.headPosition()).toBe(head);
  }, 300_000);

  it('the public routes answer without the bearer, and a 401 says how to authenticate', async () => {
    for (const target of ['/health', '/metrics', '/docs', '/docs/openapi.json', `http://${host}/health`]) {
      const r = await rawRequest(h.baseUrl, { method: 'GET', target });
      expect([target, r.status]).toEqual([target, 200]);
    }
    const head = await rawRequest(h.baseUrl, { method: 'HEAD', target: '/health' });
    expect(head.status).toBe(200);
    const refused = await rawRequest(h.baseUrl, { method: 'GET', target: '/%76%31/lookup/tenants' });
    expect(refused.status).toBe(401);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.headers['www-authenticate']).toBe('Bearer');
    expect(JSON.parse(refused.body)).toMatchObject({ status: 401, code: 'AUTH.UNAUTHORIZED' });
  });
});
