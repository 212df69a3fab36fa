/**
 * The published contract against the running app: every route is documented (and nothing
 * else), the bearer is declared where it is enforced, the committed client types are generated
 * from this very document, and nothing in it breaks the last published /v1 (openapi/v1.json).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHarness, type Harness } from '../../test-support/app-harness.js';
import { breakingChanges } from './compat.js';
import { API_VERSION } from './document.js';
// @ts-expect-error plain ESM shared with the generator script (services/provisioning/openapi/generate.mjs)
import { typesFor } from '../../../openapi/types-for.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..', '..', '..');
type Json = Record<string, any>;

describe('the OpenAPI contract', () => {
  let h: Harness;
  let doc: Json;

  beforeAll(async () => {
    h = await startHarness('sqlite');
    doc = (await (await fetch(`${h.baseUrl}/docs/openapi.json`)).json()) as Json;
  });
  afterAll(async () => h?.close());

  it('documents exactly the routes the app serves, with the bearer wherever it is enforced', () => {
    const served = h.service.routes
      .filter((r) => r.method !== 'HEAD' && !/^\/(docs|metrics)(\/|$)/.test(r.url))
      .map((r) => `${r.method} ${r.url.replace(/:([A-Za-z]+)/g, '{$1}')} ${r.public ? 'public' : 'bearer'}`)
      .sort();
    const documented = Object.entries(doc.paths as Json)
      .flatMap(([path, item]) => Object.entries(item as Json).map(([method, op]) => `${method.toUpperCase()} ${path} ${(op as Json).security?.length ? 'bearer' : 'public'}`))
      .sort();
    expect(documented).toEqual(served);
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('gives every operation its answers: a success with a schema, and problems with their codes', () => {
    for (const [path, item] of Object.entries(doc.paths as Json)) {
      for (const [method, op] of Object.entries(item as Json)) {
        const statuses = Object.keys(op.responses);
        expect({ op: `${method} ${path}`, ok: statuses.some((s) => /^2/.test(s)) }).toEqual({ op: `${method} ${path}`, ok: true });
        for (const status of statuses.filter((s) => Number(s) >= 400)) {
          const schema = op.responses[status].content['application/problem+json'].schema;
          expect(schema.properties.code.enum.length).toBeGreaterThan(0);
          expect(schema.properties.status.enum).toEqual([Number(status)]);
        }
      }
    }
    // Signup answers 202 and nothing else that is a success.
    expect(Object.keys(doc.paths['/v1/tenants'].post.responses).filter((s) => /^2/.test(s))).toEqual(['202']);
    expect(doc.paths['/v1/tenants'].post.responses['409'].content['application/problem+json'].schema.properties.code.enum).toEqual(
      expect.arrayContaining(['TENANT.SUBDOMAIN_TAKEN', 'TENANT.EMAIL_HAS_TENANT', 'IDEMPOTENCY.IN_PROGRESS']),
    );
  });

  it('carries its version, and breaks nothing the last published /v1 document promised', () => {
    expect(doc.info.version).toBe(API_VERSION);
    const baseline = JSON.parse(readFileSync(join(root, 'services/provisioning/openapi/v1.json'), 'utf8'));
    expect(breakingChanges(baseline, doc)).toEqual([]);
  });

  it('is what the committed typed client was generated from (else: npm run api:generate)', async () => {
    const committed = readFileSync(join(root, 'libs/api-client/src/schema.ts'), 'utf8');
    expect(await typesFor(doc)).toBe(committed);
  });
});
