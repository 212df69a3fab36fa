/**
 * The bench commands the pool runs, on top of the process manager's BenchRunner and
 * BenchOperations (argument arrays through execa, process-group timeouts, redaction): build a
 * standby site, detach a customer's domain from it, check that it is still clean, drop it.
 * (Attaching is the tenant's set-host-name step: step-work.ts.)
 */
import { randomBytes } from 'node:crypto';
import { BenchOperations, BenchRunner, type BenchResult, type RootLogin } from '../bench/index.js';

export interface BenchLocation {
  /** The bench executable (`bench`, or the simulator). */
  readonly bin: string;
  /** The frappe-bench folder: cwd of every command. */
  readonly path: string;
  /** Database root login for new-site and drop-site. */
  readonly root: RootLogin;
}

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
  ok: r.ok, exitCode: r.exitCode, stderrTail: r.ok ? r.stderrTail : `${r.reason}\n${r.stderrTail}`.trim(), durationMs: r.durationMs,
  timedOut: r.ok ? false : r.timedOut, ...(extra.dbName ? { dbName: extra.dbName } : {}), ...(extra.apiKey ? { apiKey: extra.apiKey } : {}),
});
/** Two commands as one outcome: the first failure, or the second result with both durations. */
const both = (a: BenchOutcome, b: BenchOutcome): BenchOutcome => (a.ok ? { ...b, durationMs: a.durationMs + b.durationMs } : a);
/** Attach/detach are light: a short timeout keeps a hung bench from holding a claim. */
const LIGHT_MS = 120_000;

export class StandbyBench {
  readonly runner: BenchRunner;
  readonly ops: BenchOperations;

  constructor(private readonly where: BenchLocation, private readonly timeoutMs: number) {
    this.runner = new BenchRunner({ bin: where.bin, path: where.path });
    this.ops = new BenchOperations(this.runner);
  }

  get benchPath(): string {
    return this.where.path;
  }

  /**
   * new-site without apps: the admin password is random and kept nowhere, because the customer's
   * own System Manager is added at claim time and Administrator is never handed out.
   */
  async newSite(site: string): Promise<BenchOutcome> {
    const r = await this.ops.newSite({ site, adminPassword: randomBytes(18).toString('base64url'), root: this.where.root, force: false }, this.timeoutMs);
    return outcome(r.result, r.ok ? { dbName: r.value.dbName } : {});
  }

  async installApp(site: string, app: string): Promise<BenchOutcome> {
    return outcome((await this.ops.installApp(site, app, this.timeoutMs)).result);
  }

  /**
   * Administrator's API key, made now so that a claim needs one bench command (a new secret)
   * instead of two. The secret made with it is dropped here: nobody ever holds it.
   */
  async createApiKey(site: string): Promise<BenchOutcome> {
    const r = await this.ops.generateApiKeys(site, 'Administrator', LIGHT_MS);
    return outcome(r.result, r.ok ? { apiKey: r.value.apiKey } : {});
  }

  /** A new Administrator API secret that nobody holds: what a returned site gets, in case the claimant was issued one. */
  async rotateApiSecret(site: string): Promise<BenchOutcome> {
    return outcome((await this.ops.rotateApiSecret(site, 'Administrator', LIGHT_MS)).result);
  }

  async dropSite(site: string): Promise<BenchOutcome> {
    return outcome((await this.ops.dropSite(site, this.where.root, this.timeoutMs)).result);
  }

  /** Undoes the set-host-name step on a standby site (add-domain, host_name): a standby site carries neither. */
  async detachDomain(site: string): Promise<BenchOutcome> {
    const domains = outcome(await this.runner.run(['--site', site, 'set-config', '--parse', 'domains', '[]'], { timeoutMs: LIGHT_MS }));
    if (!domains.ok) return domains;
    return both(domains, outcome(await this.runner.run(['--site', site, 'set-config', 'host_name', 'None'], { timeoutMs: LIGHT_MS })));
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
