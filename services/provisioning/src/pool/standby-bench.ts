/**
 * The bench commands the pool runs, on the service's one BenchOperations (BenchModule, shared
 * with the process manager) (argument arrays through execa, process-group timeouts, redaction): build a
 * standby site, detach a customer's domain from it, check that it is still clean, drop it.
 * (Attaching is the tenant's set-host-name step: step-work.ts.)
 */
import { randomBytes } from 'node:crypto';
import { checkSite, type BenchOperations, type BenchResult } from '../bench/index.js';
import type { BenchConfig } from '../bench/bench-config.js';
import { writeApiCredentials } from '../bench/api-credentials-file.js';
import { localFailure } from '../bench/local-failure.js';
import { unlinkSiteNames, updateSiteConfig } from '../bench/site-config-file.js';

export interface BenchOutcome {
  readonly ok: boolean;
  readonly exitCode: number | null;
  readonly stderrTail: string;
  readonly durationMs: number;
  readonly timedOut: boolean;
  readonly dbName?: string;
  readonly apiKey?: string;
}

const outcome = (r: BenchResult, extra: { dbName?: string; apiKey?: string } = {}): BenchOutcome => ({
  ok: r.ok,
  exitCode: r.exitCode,
  stderrTail: r.ok ? r.stderrTail : `${r.reason}\n${r.stderrTail}`.trim(),
  durationMs: r.durationMs,
  timedOut: r.ok ? false : r.timedOut,
  ...(extra.dbName ? { dbName: extra.dbName } : {}),
  ...(extra.apiKey ? { apiKey: extra.apiKey } : {}),
});
/** Two commands as one outcome: the first failure, or the second result with both durations. */
const both = (a: BenchOutcome, b: BenchOutcome): BenchOutcome => (a.ok ? { ...b, durationMs: a.durationMs + b.durationMs } : a);
/** Attach/detach are light: a short timeout keeps a hung bench from holding a claim. */
const LIGHT_MS = 120_000;

export class StandbyBench {
  constructor(
    readonly ops: BenchOperations,
    private readonly where: BenchConfig,
    private readonly timeoutMs: number,
  ) {}

  get benchPath(): string {
    return this.where.path;
  }

  /**
   * new-site without apps: the admin password is random and kept nowhere, because the customer's
   * own System Manager is added at claim time and Administrator is never handed out.
   */
  async newSite(site: string): Promise<BenchOutcome> {
    const r = await this.ops.newSite({ site, adminPassword: randomBytes(18).toString('base64url'), root: this.where.root, force: false }, this.timeoutMs);
    if (!r.ok) return outcome(r.result);
    // On from the start: a claim then needs nothing for it (v15 makes sites with the scheduler off).
    const sched = await this.ops.enableScheduler(site, LIGHT_MS);
    const all = both(outcome(r.result), outcome(sched.result));
    return all.ok ? { ...all, dbName: r.value.dbName } : all;
  }

  async installApp(site: string, app: string): Promise<BenchOutcome> {
    return outcome((await this.ops.installApp(site, app, this.timeoutMs)).result);
  }

  /**
   * Administrator's API key and secret, made now and kept in the site's private folder
   * (api-credentials-file.ts): a claim then calls the site's REST API with them and hands them
   * to the tenant as its API keys, with no bench command.
   */
  async createApiKey(site: string): Promise<BenchOutcome> {
    const r = await this.ops.generateApiKeys(site, 'Administrator', LIGHT_MS);
    if (r.ok) await writeApiCredentials(this.where.path, site, r.value);
    return outcome(r.result, r.ok ? { apiKey: r.value.apiKey } : {});
  }

  /** A new Administrator API secret, for a site going back to the pool in case its claimant was issued the old one; the file follows. */
  async rotateApiSecret(site: string): Promise<BenchOutcome> {
    const r = await this.ops.rotateApiSecret(site, 'Administrator', LIGHT_MS);
    if (r.ok) {
      const key = await this.ops.readApiKey(site, 'Administrator', LIGHT_MS);
      if (key.ok && key.value) await writeApiCredentials(this.where.path, site, { apiKey: key.value, apiSecret: r.value.apiSecret });
      return both(outcome(r.result), outcome(key.result));
    }
    return outcome(r.result);
  }

  async dropSite(site: string): Promise<BenchOutcome> {
    await unlinkSiteNames(this.where.path, site).catch(() => undefined); // a name left by a claim must not lead nowhere
    return outcome((await this.ops.dropSite(site, this.where.root, this.timeoutMs)).result);
  }

  /**
   * Undoes the set-host-name step on a standby site: the customer's name under sites/ goes, and
   * site_config.json loses `domains` and `host_name` (the edit `set-config` would make, under its lock).
   */
  async detachDomain(site: string): Promise<BenchOutcome> {
    const started = Date.now();
    try {
      await unlinkSiteNames(this.where.path, checkSite(site));
      await updateSiteConfig(this.where.path, site, (c) => {
        if (Array.isArray(c.domains) && c.domains.length === 0 && c.host_name === undefined) return undefined;
        const { host_name: _drop, ...rest } = c;
        return { ...rest, domains: [] };
      });
      return { ok: true, exitCode: 0, stderrTail: '', durationMs: Date.now() - started, timedOut: false };
    } catch (e) {
      const f = localFailure(['detach-domain', site], e, Date.now() - started);
      return { ok: false, exitCode: null, stderrTail: f.reason, durationMs: f.durationMs, timedOut: false };
    }
  }

  /**
   * True when nothing of a customer's is on the site: the user does not exist and Administrator's
   * API key is still the one made while building (none, on a site built before that step). A
   * secret the claimant may have been issued is rotated away when the site goes back (PoolService).
   * Asked of the site itself, so a step that crashed after committing is seen.
   */
  async isClean(site: string, adminEmail: string, builtKey = ''): Promise<boolean> {
    const user = await this.ops.userExists(site, adminEmail, LIGHT_MS);
    if (!user.ok || user.value) return false;
    // Parsed, not compared raw: v15 prints the key with its JSON quotes.
    const key = await this.ops.readApiKey(site, 'Administrator', LIGHT_MS);
    return key.ok && key.value === builtKey;
  }
}
