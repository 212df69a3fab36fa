/**
 * FrappeRest against the simulator's REST server (bench-sim-web) on a real simulated site: what
 * each answer becomes for the process manager (done, existed, and the failure classes), and that
 * no password or secret reaches a result.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { startSimulatorWeb, type SimulatorWeb } from '@tlc/bench-simulator';
import { SIM_BIN } from '../pool/test-support/pool-harness.js';
import { FrappeRest, type ApiCredentials } from './frappe-rest.js';

let dir: string;
let web: SimulatorWeb;
let creds: ApiCredentials;
const sim = (args: string[], input = '') => execa(process.execPath, [SIM_BIN, ...args], { cwd: join(dir, 'b'), input, env: { BENCH_SIM_MARIADB_URL: '' } });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'frappe-rest-'));
  await execa(process.execPath, [SIM_BIN, 'init', join(dir, 'b')], { env: { BENCH_SIM_MARIADB_URL: '' } });
  await sim(['new-site', 's.test'], 'Adm1n\nAdm1n\n');
  const gen = await sim(['--site', 's.test', 'execute', 'frappe.core.doctype.user.user.generate_keys', '--args', "['Administrator']"]);
  const key = await sim(['--site', 's.test', 'execute', 'frappe.db.get_value', '--args', "['User', 'Administrator', 'api_key']"]);
  creds = { apiKey: JSON.parse(key.stdout) as string, apiSecret: (JSON.parse(gen.stdout) as { api_secret: string }).api_secret };
  web = await startSimulatorWeb({ benchRoot: join(dir, 'b'), env: {} });
}, 60_000);
afterAll(async () => {
  await web?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('FrappeRest on a site over REST', () => {
  it('makes the System Manager once; the second time is `existed`, never a failure', async () => {
    const rest = new FrappeRest(web.url);
    expect(await rest.userExists('s.test', creds, 'ops@example.com', 5000)).toMatchObject({ ok: true, value: false });
    expect(await rest.createSystemManager('s.test', creds, 'ops@example.com', 'Us3r-pw', 5000)).toMatchObject({ ok: true, value: { existed: false } });
    expect(await rest.createSystemManager('s.test', creds, 'ops@example.com', 'Us3r-pw', 5000)).toMatchObject({ ok: true, value: { existed: true } });
    expect(await rest.userExists('s.test', creds, 'ops@example.com', 5000)).toMatchObject({ ok: true, value: true });
  });

  it('classifies refusals as configuration, a bad address as permanent, no answer as transient; no secret in any of it', async () => {
    const rest = new FrappeRest(web.url);
    const refused = await rest.createSystemManager('s.test', { apiKey: creds.apiKey, apiSecret: 'wrong-secret' }, 'a@example.com', 'Us3r-pw', 5000);
    expect(refused.ok || [refused.result.classification, refused.result.exitCode, refused.result.stderrTail]).toEqual(['configuration', 401, 'AuthenticationError: ']);
    const noSite = await rest.userExists('nosuch.test', creds, 'a@example.com', 5000);
    expect(noSite.ok || noSite.result.classification).toBe('configuration');
    const bad = await rest.createSystemManager('s.test', creds, 'not-an-email', 'Us3r-pw', 5000);
    expect(bad.ok || [bad.result.classification, bad.result.stderrTail]).toEqual(['permanent', 'InvalidEmailAddressError: not-an-email is not a valid Email Address']);
    const down = await new FrappeRest('http://127.0.0.1:9').userExists('s.test', creds, 'a@example.com', 5000);
    expect(down.ok || down.result.classification).toBe('transient');
    expect(JSON.stringify([refused, noSite, bad, down])).not.toMatch(/Us3r-pw|wrong-secret|token /);
  });
});
