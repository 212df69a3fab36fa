/**
 * A test password, the Frappe API secret and the bearer secret appear nowhere in plain text:
 * not in the raw rows of the event store (or the key store), not in the logs, not in any answer.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { API_SECRET, BACKENDS, auth, idem, signupBody, startHarness, type Harness } from '../test-support/app-harness.js';
import { API_SECRET_PLAINTEXT, driver } from '../test-support/drive.js';
import { VerificationTokens } from '../email/verification-token.js';
import { sqliteRows } from '../test-support/raw-rows.js';

const PASSWORD = 'Tr0ub4dor&3-unique-plaintext';

async function postgresRows(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ t: string }>(
      "SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) AS t FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')",
    );
    const out: string[] = [];
    for (const { t } of rows) out.push(JSON.stringify((await client.query(`SELECT * FROM ${t}`)).rows, (_k, v) => (v?.type === 'Buffer' ? Buffer.from(v.data).toString('latin1') : v)));
    return out.join('\n');
  } finally {
    await client.end();
  }
}

describe.each(BACKENDS)('no plaintext secret on %s', (backend) => {
  let h: Harness;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'prov-secrets-'));
    h = await startHarness(backend, { LOG_LEVEL: 'trace' }, backend === 'sqlite' ? { sqliteFile: join(dir, 'events.db') } : {});
  });
  afterAll(async () => {
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the password, the API secret and the bearer secret out of rows, logs and answers', async () => {
    const answers: string[] = [];
    const call = async (method: string, url: string, payload?: unknown, headers: Record<string, string> = {}) => {
      const r = await h.inject({ method, url, headers: { ...auth, ...headers }, ...(payload !== undefined ? { payload } : {}) });
      answers.push(JSON.stringify(r.headers), r.body);
      return r;
    };
    const body = signupBody({ adminPassword: PASSWORD });
    const t = (await call('POST', '/v1/tenants', body, idem())).json();
    await call('POST', '/v1/tenants', { ...signupBody({ adminPassword: PASSWORD }), adminEmail: body.adminEmail }, idem()); // 409
    await call('POST', '/v1/tenants', { ...body, adminPassword: PASSWORD, extra: PASSWORD }, idem()); // 400
    await call('POST', '/v1/tenants', `{"adminPassword":"${PASSWORD}"`, { ...idem(), 'content-type': 'application/json' }); // malformed
    await driver(h.service).activate(t.tenantId);
    // The address proven first: an unconfirmed signup's sign-in answer names no tenant.
    const token = new VerificationTokens(h.service.config.secretsKey).make(t.tenantId, body.adminEmail, new Date(Date.now() + 3_600_000));
    await call('POST', '/v1/email-verifications', { token });
    await call('GET', `/v1/tenants/${t.tenantId}`);
    await call('GET', `/v1/tenants/${t.tenantId}/history`);
    await call('GET', `/v1/tenants/${t.tenantId}/events`);
    const verified = (await call('POST', '/v1/credentials/verify', { email: body.adminEmail, password: PASSWORD })).json();
    await call('POST', '/v1/credentials/verify', { email: body.adminEmail, password: PASSWORD + 'x' });
    await call('GET', '/v1/subdomains/anything', undefined, { authorization: `Bearer ${API_SECRET}x` }); // wrong secret: 401
    await call('GET', '/metrics');

    expect(verified).toMatchObject({ tenantId: t.tenantId }); // the checks above really ran
    const rows = backend === 'sqlite' ? sqliteRows(join(dir, 'events.db')) + sqliteRows(join(dir, 'events.db.keys')) : await postgresRows(h.pgUrl!);
    expect(rows).toContain(t.tenantId); // the dump is real
    expect(h.logs.join('')).toContain(t.tenantId);

    const haystacks = { rows, logs: h.logs.join(''), answers: answers.join('\n') };
    for (const secret of [PASSWORD, API_SECRET_PLAINTEXT, API_SECRET]) {
      for (const form of [secret, Buffer.from(secret).toString('base64'), Buffer.from(secret).toString('hex')]) {
        for (const [where, text] of Object.entries(haystacks)) {
          expect({ where, found: text.includes(form) }).toEqual({ where, found: false });
        }
      }
    }
  }, 60_000);
});
