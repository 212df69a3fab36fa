/**
 * The simulated sites' REST API against the built simulator's own bench: token auth, frappe's
 * answer and error shapes, the same effects as the bench commands (a user made over REST is one
 * `execute frappe.db.get_value` finds), sites found by X-Frappe-Site-Name or by a Host that is a
 * link under sites/, and the latencies of BENCH_SIM_LATENCY / the frappe-v15 profile.
 */
import { symlinkSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { makeBench, type TmpBench } from '../test-support/sim.js';
import { startSimulatorWeb, type SimulatorWeb } from './web-server.js';

let b: TmpBench;
let web: SimulatorWeb;
let token: string;

const call = (path: string, init: { method?: string; body?: unknown; site?: string; auth?: string } = {}) =>
  fetch(`${web.url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      Authorization: init.auth ?? token,
      ...(init.site !== undefined ? { 'X-Frappe-Site-Name': init.site } : {}),
      'Content-Type': 'application/json',
    },
    ...(init.body ? { body: JSON.stringify(init.body) } : {}),
  }).then(async (r) => ({ status: r.status, json: (await r.json()) as Record<string, any> }));

beforeAll(async () => {
  b = await makeBench();
  expect((await b.run(['new-site', 's.test', '--install-app', 'erpnext'], {}, 'Adm1n\nAdm1n\n')).exitCode).toBe(0);
  const gen = await b.run(['--site', 's.test', 'execute', 'frappe.core.doctype.user.user.generate_keys', '--args', "['Administrator']"]);
  const key = await b.run(['--site', 's.test', 'execute', 'frappe.db.get_value', '--args', "['User', 'Administrator', 'api_key']"]);
  token = `token ${JSON.parse(key.stdout)}:${JSON.parse(gen.stdout).api_secret}`;
  web = await startSimulatorWeb({ benchRoot: b.root, env: { BENCH_SIM_LATENCY: 'api-create-user:300ms' } });
}, 60_000);
afterAll(async () => {
  await web?.stop();
  b?.cleanup();
});

describe('bench-sim-web: a frappe v15 site over REST', () => {
  it('refuses a request without the API key and secret generate_keys made, as frappe does (401 AuthenticationError)', async () => {
    for (const auth of ['', 'token nope:nope', token.replace(/.$/, 'x')]) {
      const r = await call('/api/resource/User/Administrator', { site: 's.test', auth });
      expect([r.status, r.json.exc_type]).toEqual([401, 'AuthenticationError']);
    }
    const none = await call('/api/resource/User/Administrator', { site: 'nosuch.test' });
    expect(none.status).toBe(404);
  });

  it('makes a System Manager with every non-automatic role and a password, which bench then sees; a second time is a DuplicateEntryError (409)', async () => {
    const roles = await call('/api/resource/Role?limit_page_length=0', { site: 's.test' });
    const names = roles.json.data.map((r: { name: string }) => r.name);
    expect(names).toEqual(expect.arrayContaining(['System Manager', 'Accounts Manager']));
    expect(names).not.toContain('Guest');
    const started = Date.now();
    const made = await call('/api/resource/User', {
      method: 'POST',
      site: 's.test',
      body: { email: 'ops@example.com', new_password: 'Us3r-pw', send_welcome_email: 0, roles: names.map((role: string) => ({ role })) },
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(300); // api-create-user's latency
    expect(made.status).toBe(200);
    expect(made.json.data).toMatchObject({ name: 'ops@example.com', user_type: 'System User', enabled: 1 });
    expect(JSON.stringify(made.json)).not.toContain('Us3r-pw');
    const seen = await b.run(['--site', 's.test', 'execute', 'frappe.db.get_value', '--args', "['User', 'ops@example.com', 'name']"]);
    expect(seen.stdout).toBe('"ops@example.com"');
    const again = await call('/api/resource/User', { method: 'POST', site: 's.test', body: { email: 'ops@example.com', new_password: 'x' } });
    expect([again.status, again.json.exc_type]).toEqual([409, 'DuplicateEntryError']);
    expect(again.json.exception).toMatch(/^frappe\.exceptions\.DuplicateEntryError: \('User', 'ops@example\.com', IntegrityError\(1062/);
    const missing = await call('/api/resource/User/nobody@example.com', { site: 's.test' });
    expect([missing.status, missing.json.exc_type]).toEqual([404, 'DoesNotExistError']);
  });

  it('answers generate_keys as {"message": {"api_secret"}}: the key stays, the old secret stops working', async () => {
    const before = await call('/api/resource/User/Administrator', { site: 's.test' });
    const r = await call('/api/method/frappe.core.doctype.user.user.generate_keys', { method: 'POST', site: 's.test', body: { user: 'Administrator' } });
    expect(Object.keys(r.json.message)).toEqual(['api_secret']);
    expect((await call('/api/resource/User/Administrator', { site: 's.test' })).status).toBe(401);
    token = `token ${before.json.data.api_key}:${r.json.message.api_secret}`;
    expect((await call('/api/resource/User/Administrator', { site: 's.test' })).json.data.api_key).toBe(before.json.data.api_key);
  });

  it("finds a site by the Host when the name is a link under sites/ (a claimed standby site's customer name)", async () => {
    symlinkSync('s.test', join(b.root, 'sites', 'acme.example.com'));
    // What nginx passes on: the customer's Host, no X-Frappe-Site-Name.
    const byHost = await new Promise<number>((ok, fail) => {
      const u = new URL(web.url);
      request({ host: u.hostname, port: u.port, path: '/api/resource/User/Administrator', headers: { Host: 'acme.example.com:8000', Authorization: token } }, (res) => {
        res.resume();
        ok(res.statusCode ?? 0);
      })
        .on('error', fail)
        .end();
    });
    expect(byHost).toBe(200);
    expect((await call('/api/resource/User/Administrator', { site: 'acme.example.com' })).status).toBe(200);
    // `--site all` (frappe's get_sites) still sees the site once: links are skipped.
    expect((await b.run(['--site', 'all', 'execute', 'frappe.db.get_value', '--args', "['User', 'Administrator', 'name']"])).stdout).toBe('"Administrator"');
  });
});
