/**
 * The bench commands the pool runs: build a standby site, attach a customer's domain to it,
 * detach it again, check that it is still clean, drop it. Argument arrays through execa, never a
 * shell; success is the exit code, and the database name is read from site_config.json.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';

export interface BenchLocation {
  /** The bench executable (`bench`, or the simulator). */
  readonly bin: string;
  /** The frappe-bench folder: cwd of every command. */
  readonly path: string;
}

export interface BenchOutcome {
  readonly ok: boolean;
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderrTail: string;
  readonly durationMs: number;
  readonly timedOut: boolean;
}

const TAIL_LINES = 20;
const tail = (text: string): string => text.split('\n').slice(-TAIL_LINES).join('\n')
  // A password never leaves in a tail, whatever bench printed.
  .replace(/(--(?:admin|db|mariadb-root|db-root|root)-password[ =])\S+/g, '$1***');

export class StandbyBench {
  constructor(private readonly where: BenchLocation, private readonly timeoutMs: number) {}

  async run(args: readonly string[], timeoutMs = this.timeoutMs): Promise<BenchOutcome> {
    const started = Date.now();
    const r = await execa(this.where.bin, args, {
      cwd: this.where.path, reject: false, timeout: timeoutMs, killSignal: 'SIGKILL', stdin: 'ignore',
      env: { FRAPPE_SITE: '' }, extendEnv: true,
    });
    return {
      ok: r.exitCode === 0 && !r.timedOut, exitCode: r.exitCode ?? null, stdout: String(r.stdout ?? ''),
      stderrTail: tail(`${r.stderr ?? ''}\n${r.exitCode === 0 ? '' : r.stdout ?? ''}`.trim()),
      durationMs: Date.now() - started, timedOut: Boolean(r.timedOut),
    };
  }

  /**
   * new-site without apps: the admin password is random and kept nowhere, because the customer's
   * own System Manager is added at claim time and Administrator is never handed out.
   */
  newSite(site: string): Promise<BenchOutcome> {
    return this.run(['new-site', site, '--admin-password', randomBytes(18).toString('base64url')]);
  }

  installApp(site: string, app: string): Promise<BenchOutcome> {
    return this.run(['--site', site, 'install-app', app]);
  }

  dropSite(site: string): Promise<BenchOutcome> {
    return this.run(['drop-site', site, '--no-backup', '--force']);
  }

  async dbName(site: string): Promise<string | undefined> {
    try {
      const conf = JSON.parse(await readFile(join(this.where.path, 'sites', site, 'site_config.json'), 'utf8')) as { db_name?: unknown };
      return typeof conf.db_name === 'string' ? conf.db_name : undefined;
    } catch {
      return undefined;
    }
  }

  /** The customer's name on the standby site: a domain (routing) and host_name (links in mail). */
  async attachDomain(site: string, domain: string, hostUrl: string): Promise<BenchOutcome> {
    const added = await this.run(['setup', 'add-domain', domain, '--site', site]);
    if (!added.ok) return added;
    const set = await this.run(['--site', site, 'set-config', 'host_name', hostUrl]);
    return { ...set, durationMs: added.durationMs + set.durationMs };
  }

  /** Undoes attachDomain: a standby site carries no domain and no host_name. */
  async detachDomain(site: string): Promise<BenchOutcome> {
    const domains = await this.run(['--site', site, 'set-config', '--parse', 'domains', '[]']);
    if (!domains.ok) return domains;
    return this.run(['--site', site, 'set-config', 'host_name', 'None']);
  }

  /**
   * True when nothing of a customer's is on the site: the user does not exist and Administrator
   * has no API key. Asked of the site itself, so a step that crashed after committing is seen.
   */
  async isClean(site: string, adminEmail: string): Promise<boolean> {
    const user = await this.run(['--site', site, 'execute', 'frappe.db.get_value', '--args', pyList(['User', adminEmail, 'name'])]);
    if (!user.ok || user.stdout.trim() !== '') return false;
    const key = await this.run(['--site', site, 'execute', 'frappe.db.get_value', '--args', pyList(['User', 'Administrator', 'api_key'])]);
    return key.ok && key.stdout.trim() === '';
  }
}

/** A Python list literal of strings (bench's --args), quotes escaped. */
export const pyList = (items: readonly string[]): string =>
  `[${items.map((s) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`).join(', ')}]`;
