/**
 * The conformance spec's tools: the recorded runs (fixtures/frappe-v15), one throw-away bench per
 * case driven through the built `bench-sim` as a real process, a MariaDB admin account with a
 * password (real bench needs one; the recording's `<db-admin-user>`), and the normalisation that
 * makes a simulated run comparable with a recorded one.
 */
import { execa } from 'execa';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';
import { SIM_BIN } from './sim.js';

export interface Recorded {
  readonly case: string;
  readonly argv: string;
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const FIXTURE = resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures/frappe-v15/transcripts.json');
export const RECORDED: readonly Recorded[] = (JSON.parse(readFileSync(FIXTURE, 'utf8')) as { cases: Recorded[] }).cases;

export const MARIADB = process.env.BENCH_SIM_MARIADB_URL || 'mysql://root@127.0.0.1:3306';
export const ADMIN = { user: `bsim_conf_${process.pid}`, password: `Adm-${process.pid}-pw` };

export async function sql(query: string, params: unknown[] = []): Promise<unknown[]> {
  const c = await mysql.createConnection(MARIADB);
  try {
    return (await c.query(query, params))[0] as unknown[];
  } finally {
    await c.end();
  }
}

export const createAdmin = async (): Promise<void> => {
  await sql(`CREATE USER IF NOT EXISTS '${ADMIN.user}'@'%' IDENTIFIED BY '${ADMIN.password}'`);
  await sql(`GRANT ALL PRIVILEGES ON *.* TO '${ADMIN.user}'@'%' WITH GRANT OPTION`);
};
export const dropAdmin = async (): Promise<void> => void (await sql(`DROP USER IF EXISTS '${ADMIN.user}'@'%'`));
export const dbExists = async (db: string): Promise<boolean> => (await sql('SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?', [db])).length > 0;
export const dbUserExists = async (db: string): Promise<boolean> => (await sql('SELECT 1 FROM mysql.user WHERE User = ?', [db])).length > 0;

/** Shell words of a recorded argv (`"..."` and `'...'` quoting), without the leading `bench`. */
export function words(argv: string): string[] {
  const out: string[] = [];
  for (const m of argv.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) out.push(m[1] ?? m[2] ?? m[3]);
  return out[0] === 'bench' ? out.slice(1) : out;
}

/** The recorded argv with its placeholders filled in for this run. */
export function fill(argv: string, site: string): string[] {
  return words(argv).map((w) =>
    w
      .replace(/^(<site>|\$s)$/, site)
      .replace('https://<site>', `https://${site}`)
      .replace('<db-admin-user>', ADMIN.user)
      .replace(/^--admin-password=\*\*\*$/, '--admin-password=Admin-pw1')
      .replace(/^--db-root-password=\*\*\*$/, `--db-root-password=${ADMIN.password}`)
      .replace(/^--password=\*\*\*$/, '--password=Ops-pw1')
      .replace(/^\*\*\*$/, 'New-admin-pw1'),
  );
}

export interface Run {
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export class CaseBench {
  readonly parent = mkdtempSync(join(tmpdir(), 'bench-conf-'));
  readonly root = join(this.parent, 'frappe-bench');
  realRoot = '';

  async init(apps = 'frappe,erpnext'): Promise<void> {
    await execa(process.execPath, [SIM_BIN, 'init', this.root, '--apps', apps], { env: { BENCH_SIM_MARIADB_URL: '' } });
    this.realRoot = realpathSync(this.root);
  }

  /** One bench command as a real process; `killWhen`: SIGKILL it once that holds (a killed bench). */
  async run(args: string[], env: Record<string, string> = {}, killWhen?: () => Promise<boolean>): Promise<Run> {
    const p = execa(process.execPath, [SIM_BIN, ...args], {
      cwd: this.root,
      reject: false,
      // No terminal and nothing to read, as where the recording was made: a prompt meets EOF
      // (`Aborted!`) instead of waiting on a pipe nobody closes.
      stdin: 'ignore',
      env: { BENCH_SIM_MARIADB_URL: MARIADB, FRAPPE_SITE: '', BENCH_SIM_LATENCY: '', BENCH_SIM_FAIL: '', ...env },
    });
    if (killWhen) {
      for (let i = 0; i < 300 && !(await killWhen()); i++) await new Promise((r) => setTimeout(r, 50));
      p.kill('SIGKILL');
    }
    const r = await p;
    return { exitCode: killWhen ? null : (r.exitCode ?? null), stdout: String(r.stdout), stderr: String(r.stderr) };
  }

  /** A complete site, made the way the service makes one. */
  async newSite(site: string): Promise<void> {
    const r = await this.run(['new-site', site, '--admin-password=Admin-pw1', '--db-root-username', ADMIN.user, `--db-root-password=${ADMIN.password}`, '--mariadb-user-host-login-scope=%']);
    if (r.exitCode !== 0) throw new Error(`setup new-site ${site} failed: ${r.stdout}\n${r.stderr}`);
  }

  /** A half site as v15 leaves it after `Aborted!`: folder and site_config.json, no database. */
  async halfSite(site: string): Promise<void> {
    const root = this.common().root_password;
    this.setCommon({ root_password: undefined });
    await this.run(['new-site', site, '--admin-password=Admin-pw1', '--db-root-username', 'root']);
    this.setCommon({ root_password: root });
  }

  path = (...parts: string[]): string => join(this.root, ...parts);
  exists = (...parts: string[]): boolean => existsSync(this.path(...parts));
  json = (...parts: string[]): Record<string, unknown> => JSON.parse(readFileSync(this.path(...parts), 'utf8')) as Record<string, unknown>;
  conf = (site: string): Record<string, unknown> => this.json('sites', site, 'site_config.json');
  common = (): Record<string, unknown> => this.json('sites', 'common_site_config.json');

  setCommon(patch: Record<string, unknown>): void {
    writeFileSync(this.path('sites', 'common_site_config.json'), JSON.stringify({ ...this.common(), ...patch }, null, 1));
  }

  /** Databases and users of every site this bench made (live or archived), then the folder. */
  async cleanup(dbNames: Iterable<string>): Promise<void> {
    for (const db of dbNames) {
      await sql(`DROP USER IF EXISTS '${db}'@'%'`);
      await sql(`DROP DATABASE IF EXISTS \`${db}\``);
    }
    rmSync(this.parent, { recursive: true, force: true });
  }
}

/** What differs between any two runs: the bench folder, database names, API secrets, backup times. */
export function normalise(text: string, b?: CaseBench): string {
  let t = text;
  if (b) t = t.replaceAll(b.realRoot, '<bench>').replaceAll(b.root, '<bench>');
  return t
    .replace(/_[0-9a-f]{16}\b/g, '_<hash>')
    .replace(/"[0-9a-f]{15}"/g, '"<hex15>"')
    .replace(/\d{8}_\d{6}/g, '<stamp>')
    .replace(/at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+/g, 'at <time>');
}

/** The lines of a stream, without the recording's `[... N earlier lines cut ...]` marker. */
export const lines = (text: string): string[] => text.split('\n').filter((l, i, all) => !(i === 0 && /^\[\.\.\. \d+ earlier lines cut \.\.\.\]$/.test(l)) && !(i === all.length - 1 && l === ''));
export const lastLine = (text: string): string =>
  text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .pop() ?? '';
