/**
 * One function per bench operation the process manager needs. Each builds its argv from
 * validated values only (no value can start with `-` and be read as an option, none carries
 * quotes into the Python literal of `execute --args`) and names the secrets to redact.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchFailed, BenchResult, BenchRunner } from './bench-runner.js';
import { executeField, executeString } from './execute-output.js';
import { exceptionsOf, shortType } from './python-output.js';
import { APP, BenchArgumentError, check, DB_NAME, EMAIL, SITE, USER } from './bench-arguments.js';
import { removeSiteArchives } from './site-archive.js';
import { updateCommonConfig } from './site-config-file.js';

export { BenchArgumentError, checkSite } from './bench-arguments.js';

/** A secret goes to bench's stdin, one line: no line breaks or NULs. */
function secret(value: string, what: string): string {
  if (value.length === 0 || /[\0\n\r]/.test(value)) throw new BenchArgumentError(`Invalid ${what}`);
  return value;
}

export interface RootLogin {
  readonly username: string;
  /**
   * BENCH_DB_ROOT_PASSWORD. Never put on a command line (`ps` shows it): when given, it is written
   * to common_site_config.json's root_password, where bench reads it when --db-root-password is
   * absent. Absent: that file must have it already.
   */
  readonly password?: string;
}

const rootArgs = (root: RootLogin): string[] => ['--db-root-username', check(root.username, USER, 'database root user')];

/** getpass without a terminal reads a line from stdin (Python's fallback_getpass): how a password reaches bench unseen. */
const passwordLines = (pw: string, times: number): string => `${secret(pw, 'password')}\n`.repeat(times);

export type Outcome<T> = { readonly ok: true; readonly value: T; readonly result: BenchResult } | { readonly ok: false; readonly result: BenchFailed };

const done = <T>(result: BenchResult, value: () => T | Promise<T>): Promise<Outcome<T>> | Outcome<T> =>
  result.ok ? Promise.resolve(value()).then((v) => ({ ok: true as const, value: v, result })) : { ok: false, result };

export interface NewSiteInput {
  readonly site: string;
  readonly adminPassword: string;
  readonly dbName?: string;
  readonly root: RootLogin;
  /** Redo over a half site left by an interrupted or failed attempt. */
  readonly force: boolean;
}

export class BenchOperations {
  private rootWritten?: { password: string; done: Promise<void> };

  constructor(private readonly runner: BenchRunner) {}

  /** Once per password: common_site_config.json's root_password, under frappe's global config lock. */
  private ensureRootPassword(root: RootLogin): Promise<void> {
    const pw = root.password;
    if (!pw) return Promise.resolve();
    if (this.rootWritten?.password !== pw) {
      const done = updateCommonConfig(this.runner.benchPath, (c) => (c.root_password === pw ? undefined : { ...c, root_password: secret(pw, 'database root password') }));
      this.rootWritten = { password: pw, done };
      done.catch(() => (this.rootWritten = undefined));
    }
    return this.rootWritten.done;
  }

  /** The site folder holds site_config.json; its db_name is the database bench created. */
  async readSiteConfig(site: string): Promise<Record<string, unknown> | undefined> {
    try {
      return JSON.parse(await readFile(join(this.runner.benchPath, 'sites', check(site, SITE, 'site'), 'site_config.json'), 'utf8')) as Record<string, unknown>;
    } catch {
      return undefined;
    }
  }

  async siteExists(site: string): Promise<boolean> {
    return (await this.readSiteConfig(site)) !== undefined;
  }

  async newSite(i: NewSiteInput, timeoutMs: number): Promise<Outcome<{ dbName: string }>> {
    await this.ensureRootPassword(i.root);
    const args = [
      'new-site',
      check(i.site, SITE, 'site'),
      ...(i.dbName ? ['--db-name', check(i.dbName, DB_NAME, 'database name')] : []),
      ...rootArgs(i.root),
      '--mariadb-user-host-login-scope=%',
      ...(i.force ? ['--force'] : []),
    ];
    // No --admin-password: frappe's get_admin_password() asks twice ("Set Administrator password",
    // "Re-enter ..."), and without a terminal getpass reads both from stdin.
    const r = await this.runner.run(args, { timeoutMs, secrets: [i.adminPassword], input: passwordLines(i.adminPassword, 2) });
    return done(r, async () => ({ dbName: String((await this.readSiteConfig(i.site))?.db_name ?? i.dbName ?? '') }));
  }

  /**
   * v15 makes a site with the scheduler off (`*** Scheduler is disabled ***`): the setup wizard
   * would turn it on, and the product skips the wizard, so without this no background job
   * (emails, reminders, auto-repeat) ever runs. Prints `Enabled for SITE`; idempotent.
   */
  async enableScheduler(site: string, timeoutMs: number): Promise<Outcome<object>> {
    const r = await this.runner.run(['--site', check(site, SITE, 'site'), 'enable-scheduler'], { timeoutMs });
    return done(r, () => ({}));
  }

  async installApp(site: string, app: string, timeoutMs: number): Promise<Outcome<object>> {
    const r = await this.runner.run(['--site', check(site, SITE, 'site'), 'install-app', check(app, APP, 'app')], { timeoutMs });
    return done(r, () => ({}));
  }

  /**
   * add-system-manager without --password, then `set-password EMAIL` with the password on stdin
   * (set_user_password's getpass). `existed`: the user was there already: v15 fails with
   * DuplicateEntryError('User', email, ...) then; for a redo (a crash after bench added the user,
   * or an earlier attempt still running when its lease ran out) that means the user is done, and
   * the password is set all the same.
   */
  async addSystemManager(site: string, email: string, password: string, timeoutMs: number): Promise<Outcome<{ existed: boolean }>> {
    const s = check(site, SITE, 'site');
    const e = check(email, EMAIL, 'email');
    const add = await this.runner.run(['--site', s, 'add-system-manager', e], { timeoutMs });
    const existed = !add.ok && isDuplicateUser(add, email);
    if (!add.ok && !existed) return { ok: false, result: add };
    const set = await this.runner.run(['--site', s, 'set-password', e], { timeoutMs, secrets: [password], input: passwordLines(password, 1) });
    const durationMs = add.durationMs + set.durationMs;
    return set.ok ? { ok: true, value: { existed }, result: { ...set, durationMs } } : { ok: false, result: { ...set, durationMs } };
  }

  /** Is the user there already (a redo after a crash must not add it twice)? get_value prints `"email"` or nothing. */
  async userExists(site: string, email: string, timeoutMs: number): Promise<Outcome<boolean>> {
    const r = await this.execute(site, 'frappe.db.get_value', `['User', '${check(email, EMAIL, 'email').replace(/'/g, "\\'")}', 'name']`, timeoutMs, []);
    return done(r, () => r.ok && executeString(r.stdout) !== '');
  }

  /** A user's api_key as the site has it ('' when none): get_value prints `"key"` (v15) or `key` (develop). */
  async readApiKey(site: string, user: string, timeoutMs: number): Promise<Outcome<string>> {
    const r = await this.execute(site, 'frappe.db.get_value', `['User', '${check(user, USER, 'user')}', 'api_key']`, timeoutMs, []);
    return done(r, () => (r.ok ? executeString(r.stdout) : ''));
  }

  /**
   * generate_keys alone: a new secret (the key stays; it is set only when empty). For a user whose
   * key is already known, e.g. a standby site's Administrator.
   */
  async rotateApiSecret(site: string, user: string, timeoutMs: number): Promise<Outcome<{ apiSecret: string }>> {
    const gen = await this.execute(site, 'frappe.core.doctype.user.user.generate_keys', `['${check(user, USER, 'user')}']`, timeoutMs, [], printedApiSecrets);
    if (!gen.ok) return { ok: false, result: gen };
    const apiSecret = executeField(gen.stdout, 'api_secret') ?? printedApiSecrets(gen.stdout).pop() ?? '';
    // The secret is in gen's stdout: keep it out of anything a caller might log.
    const result = { ...gen, stdout: '', stdoutTail: '' };
    if (!apiSecret) return { ok: false, result: { ...result, ok: false, classification: 'permanent', reason: 'bench returned no API secret', timedOut: false } };
    return { ok: true, value: { apiSecret }, result };
  }

  /** API keys for a user: a new secret, and the key (read from the site unless it is known already). */
  async issueApiKeys(site: string, user: string, knownKey: string | undefined, timeoutMs: number): Promise<Outcome<{ apiKey: string; apiSecret: string }>> {
    if (!knownKey) return this.generateApiKeys(site, user, timeoutMs);
    const rotated = await this.rotateApiSecret(site, user, timeoutMs);
    return rotated.ok ? { ...rotated, value: { apiKey: knownKey, apiSecret: rotated.value.apiSecret } } : rotated;
  }

  /** generate_keys (a new secret every time; the key is set only once), then read the key. */
  async generateApiKeys(site: string, user: string, timeoutMs: number): Promise<Outcome<{ apiKey: string; apiSecret: string }>> {
    const u = check(user, USER, 'user');
    const rotated = await this.rotateApiSecret(site, u, timeoutMs);
    if (!rotated.ok) return rotated;
    const { apiSecret } = rotated.value;
    const get = await this.execute(site, 'frappe.db.get_value', `['User', '${u}', 'api_key']`, timeoutMs, [apiSecret]);
    // Two bench invocations: the step's time inside bench is both (bench B4 subtracts it).
    const durationMs = rotated.result.durationMs + get.durationMs;
    if (!get.ok) return { ok: false, result: { ...get, durationMs } };
    // v15 prints the key with its JSON quotes; storing them would hand out a key no site knows.
    const apiKey = executeString(get.stdout);
    if (!apiKey) return { ok: false, result: { ...get, ok: false, classification: 'permanent', reason: 'bench returned no API key', timedOut: false, stdoutTail: '', durationMs } };
    return { ok: true, value: { apiKey, apiSecret }, result: { ...rotated.result, durationMs } };
  }

  async setHostName(site: string, hostName: string, timeoutMs: number): Promise<Outcome<object>> {
    const r = await this.runner.run(['--site', check(site, SITE, 'site'), 'set-config', 'host_name', check(hostName, /^https?:\/\/[A-Za-z0-9.:-]+\/?$|^[A-Za-z0-9.-]+$/, 'host name')], { timeoutMs });
    return done(r, () => ({}));
  }

  async addDomain(site: string, domain: string, timeoutMs: number): Promise<Outcome<object>> {
    const r = await this.runner.run(['setup', 'add-domain', check(domain, SITE, 'domain'), '--site', check(site, SITE, 'site')], { timeoutMs });
    return done(r, () => ({}));
  }

  /**
   * drop-site without a backup (a site being rolled back holds nothing worth keeping); --force
   * ignores a failed backup. The folder bench archives is then removed (site-archive.ts):
   * `archivesRemoved` counts what went (also left over from an earlier drop).
   */
  async dropSite(site: string, root: RootLogin, timeoutMs: number): Promise<Outcome<{ archivedTo?: string; archivesRemoved: number }>> {
    await this.ensureRootPassword(root);
    const r = await this.runner.run(['drop-site', check(site, SITE, 'site'), '--no-backup', '--force', ...rootArgs(root)], { timeoutMs });
    // v15 on a site that is gone: `IncorrectSitePath: 404 Not Found: <site> does not exist`. A drop
    // that already happened (a crash after the archive move) is done; the database went first.
    if (!r.ok && isMissingSite(r, site)) return { ok: true, value: { archivesRemoved: (await this.removeArchives(site)).length }, result: r };
    return done(r, async () => {
      const m = /Moving site to archive under (.+)$/m.exec(r.ok ? r.stdout : '');
      const archivesRemoved = (await this.removeArchives(site)).length;
      return m ? { archivedTo: m[1].trim(), archivesRemoved } : { archivesRemoved };
    });
  }

  /** The dropped site's archived folders (db password, encryption key, files), gone. */
  removeArchives(site: string): Promise<string[]> {
    return removeSiteArchives(this.runner.benchPath, site);
  }

  private execute(site: string, method: string, pyArgs: string, timeoutMs: number, secrets: string[], printedSecrets?: (stdout: string) => readonly string[]): Promise<BenchResult> {
    return this.runner.run(['--site', check(site, SITE, 'site'), 'execute', method, '--args', pyArgs], { timeoutMs, secrets, printedSecrets });
  }
}

/** DuplicateEntryError('User', email, IntegrityError(1062, ...)): the user exists already. */
function isDuplicateUser(r: BenchFailed, email: string): boolean {
  if (r.timedOut || r.classification !== 'permanent') return false;
  const last = exceptionsOf(`${r.stdoutTail}\n${r.stderrTail}`).pop();
  if (!last || shortType(last) !== 'DuplicateEntryError') return false;
  return last.message.toLowerCase().startsWith(`('user', '${email.toLowerCase()}',`);
}

function isMissingSite(r: BenchFailed, site: string): boolean {
  if (r.timedOut || r.classification !== 'permanent') return false;
  const last = exceptionsOf(r.stderrTail).pop();
  return last !== undefined && shortType(last) === 'IncorrectSitePath' && last.message.endsWith(`${site} does not exist`);
}

/** Every api_secret bench printed (a failure after printing must not carry it into a reason or a tail). */
export function printedApiSecrets(stdout: string): string[] {
  return [...stdout.matchAll(/"api_secret"\s*:\s*"([^"]+)"/g)].map((m) => m[1]);
}
