/** removeSiteArchives on a real folder: the site's archives go, nobody else's, and a bad name touches nothing. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeSiteArchives } from './site-archive.js';

let bench: string;
const archived = (): string[] => readdirSync(join(bench, 'archived', 'sites')).sort();
beforeEach(() => {
  bench = mkdtempSync(join(tmpdir(), 'site-archive-'));
  for (const name of ['acme.example.test', 'acme.example.test1', 'acme.example.test12', 'xacme.example.test', 'acme.example.test.bak', 'acme.example.testx', 'other.example.test']) {
    mkdirSync(join(bench, 'archived', 'sites', name, 'private'), { recursive: true });
    writeFileSync(join(bench, 'archived', 'sites', name, 'site_config.json'), '{"db_password": "x", "encryption_key": "y"}');
  }
});
afterEach(() => rmSync(bench, { recursive: true, force: true }));

it("removes the site's archive and the numbered ones bench made when the name was taken", async () => {
  expect((await removeSiteArchives(bench, 'acme.example.test')).sort()).toEqual(['acme.example.test', 'acme.example.test1', 'acme.example.test12']);
  expect(archived()).toEqual(['acme.example.test.bak', 'acme.example.testx', 'other.example.test', 'xacme.example.test']);
  expect(await removeSiteArchives(bench, 'acme.example.test')).toEqual([]);
});

it('refuses a name that is not a site before touching anything, and copes with no archive folder', async () => {
  for (const bad of ['..', '../archived', 'acme.example.test/..', '-rf', '.*', 'acme.example.test|other']) {
    await expect(removeSiteArchives(bench, bad)).rejects.toThrow(/Invalid site/);
  }
  expect(archived()).toHaveLength(7);
  rmSync(join(bench, 'archived'), { recursive: true });
  expect(await removeSiteArchives(bench, 'acme.example.test')).toEqual([]);
  expect(existsSync(join(bench, 'archived'))).toBe(false);
});
