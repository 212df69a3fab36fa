/**
 * The service's own site_config.json edits (site-config-file.ts) on real files with a real
 * flock(1): written as frappe writes (sorted, indent 1, ASCII), excluded by a holder of frappe's
 * lock file, and the customer-name links made and removed.
 */
import { spawn } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LockTimeoutError, withFlock } from './flock.js';
import { frappeJson, linkSiteName, unlinkSiteNames, updateCommonConfig, updateSiteConfig, withHostName } from './site-config-file.js';

let bench: string;
const conf = (site: string) => JSON.parse(readFileSync(join(bench, 'sites', site, 'site_config.json'), 'utf8')) as Record<string, unknown>;

beforeEach(() => {
  bench = mkdtempSync(join(tmpdir(), 'site-config-'));
  mkdirSync(join(bench, 'sites', 'standby-1a2b3c4d'), { recursive: true });
  writeFileSync(join(bench, 'sites', 'standby-1a2b3c4d', 'site_config.json'), '{"db_name": "_abc", "db_password": "x", "domains": []}');
});
afterEach(() => rmSync(bench, { recursive: true, force: true }));

describe("the service's site_config.json edits", () => {
  it("writes json.dumps(indent=1, sort_keys=True)'s bytes", () => {
    expect(frappeJson({ b: [1, { d: 'é', c: null }], a: true })).toBe('{\n "a": true,\n "b": [\n  1,\n  {\n   "c": null,\n   "d": "\\u00e9"\n  }\n ]\n}');
  });

  it('sets host_name and adds the domain once, leaving the file alone when both are there', async () => {
    const edit = withHostName('https://acme.example.com', 'acme.example.com');
    await updateSiteConfig(bench, 'standby-1a2b3c4d', edit);
    expect(conf('standby-1a2b3c4d')).toEqual({ db_name: '_abc', db_password: 'x', domains: ['acme.example.com'], host_name: 'https://acme.example.com' });
    expect(edit(conf('standby-1a2b3c4d'))).toBeUndefined();
    expect(readFileSync(join(bench, 'sites', 'standby-1a2b3c4d', 'locks', 'site_config.lock'), 'utf8')).toBe(''); // frappe's lock file, left behind as v15 does
  });

  it("waits for whoever holds frappe's site_config lock, and gives up as LockTimeoutError", async () => {
    const lock = join(bench, 'sites', 'standby-1a2b3c4d', 'locks', 'site_config.lock');
    mkdirSync(join(bench, 'sites', 'standby-1a2b3c4d', 'locks'));
    writeFileSync(lock, '');
    // Another process (bench's Python, here flock(1) itself) holds it for 1.5 s.
    const holder = spawn('flock', [lock, 'sleep', '1.5'], { stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, 300));
    const order: string[] = [];
    const edit = updateSiteConfig(bench, 'standby-1a2b3c4d', (c) => (order.push('edit'), { ...c, host_name: 'h' }));
    holder.once('exit', () => order.push('holder gone'));
    await edit;
    expect(order).toEqual(['holder gone', 'edit']);
    const again = spawn('flock', [lock, 'sleep', '3'], { stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, 300));
    await expect(withFlock(lock, 1000, () => 'never')).rejects.toBeInstanceOf(LockTimeoutError);
    again.kill();
  });

  it('writes root_password into common_site_config.json under the global lock', async () => {
    await updateCommonConfig(bench, (c) => ({ ...c, root_password: 'r00t' }));
    expect(JSON.parse(readFileSync(join(bench, 'sites', 'common_site_config.json'), 'utf8'))).toEqual({ root_password: 'r00t' });
    expect(lstatSync(join(bench, 'config', 'site_config.lock')).isFile()).toBe(true);
  });

  it('links the customer name to the standby folder (idempotent), never over something else, and removes every link to it', async () => {
    await linkSiteName(bench, 'acme.example.com', 'standby-1a2b3c4d');
    await linkSiteName(bench, 'acme.example.com', 'standby-1a2b3c4d');
    expect(readlinkSync(join(bench, 'sites', 'acme.example.com'))).toBe('standby-1a2b3c4d');
    expect(conf('acme.example.com').db_name).toBe('_abc');
    await expect(linkSiteName(bench, 'acme.example.com', 'standby-ffffffff')).rejects.toThrow(/not a link to standby-ffffffff/);
    await expect(linkSiteName(bench, 'standby-1a2b3c4d', 'x')).rejects.toThrow();
    expect(await unlinkSiteNames(bench, 'standby-1a2b3c4d')).toEqual(['acme.example.com']);
    expect(() => lstatSync(join(bench, 'sites', 'acme.example.com'))).toThrow();
  });
});
