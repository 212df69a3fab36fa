/**
 * What each step does on the bench, including how a redo stays idempotent:
 * - new-site forces over any folder already there (a half site from a crash, a failure or a
 *   timeout), so one site and one database result, never two;
 * - add-system-manager first checks whether the user exists (a crash after bench added it);
 * - drop-site on a site whose config is gone counts as done (a crash after the archive move).
 * install-app ("already installed" exits 0), generate_keys, add-domain ("already exists" exits 0)
 * and set-config are idempotent in bench.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { SealedSecret, StepRef, TenantState } from '@tlc/tenant-events';
import type { BenchOperations, Outcome } from '../bench/bench-operations.js';
import type { BenchFailed } from '../bench/bench-runner.js';
import { readApiCredentials } from '../bench/api-credentials-file.js';
import { FrappeRest, type ApiCredentials, type RestOutcome } from '../bench/frappe-rest.js';
import { localFailure } from '../bench/local-failure.js';
import { linkSiteName, unlinkSiteNames, updateSiteConfig, withHostName } from '../bench/site-config-file.js';
import type { BenchConfig } from '../bench/bench-config.js';
import type { SecretsService } from '../secrets/secrets.service.js';
import type { StepResult } from '../tenants/commands.js';
import { siteUrlFor, type PmConfig } from './pm-config.js';

export type StepOutcome = { readonly ok: true; readonly result: StepResult; readonly benchMs: number } | { readonly ok: false; readonly failure: BenchFailed; readonly benchMs: number };

export const benchSiteOf = (s: TenantState): string => s.standbySite ?? s.siteName;

/** Random, and never starting with `-` (bench would read it as an option). */
const password = (): string => `p${randomBytes(18).toString('base64url')}`;

export class StepWork {
  private readonly rest?: FrappeRest;

  constructor(
    private readonly ops: BenchOperations,
    private readonly secrets: SecretsService,
    private readonly config: PmConfig,
    private readonly bench: BenchConfig,
  ) {
    if (bench.frappeUrl) this.rest = new FrappeRest(bench.frappeUrl);
  }

  private get benchPath(): string {
    return this.bench.path;
  }

  /**
   * A claimed standby site keeps its Administrator's API key and secret from its build
   * (api-credentials-file.ts): with them the claim talks to the running site instead of starting
   * bench (REST with FRAPPE_URL; none for the API keys, which are those).
   */
  private async standbyCredentials(state: TenantState): Promise<ApiCredentials | undefined> {
    if (!state.standbySite) return undefined;
    const c = await readApiCredentials(this.benchPath, state.standbySite);
    // A key other than the one the claim recorded: not this claim's site state; take the bench path.
    return c && (!state.standbyApiKey || c.apiKey === state.standbyApiKey) ? c : undefined;
  }

  async run(state: TenantState, ref: StepRef, attempt: number): Promise<StepOutcome> {
    const site = benchSiteOf(state);
    const light = this.config.lightStepTimeoutMs;
    const root = this.bench.root;
    let benchMs = 0;
    const track = <T>(o: Outcome<T>): Outcome<T> => {
      benchMs += o.result.durationMs;
      return o;
    };
    const fail = (o: { result: BenchFailed }): StepOutcome => ({ ok: false, failure: o.result, benchMs });
    // A REST call's time counts as the step's time outside the service, like a bench command's.
    const rested = <T>(o: RestOutcome<T>): RestOutcome<T> => {
      benchMs += o.ok ? o.durationMs : o.result.durationMs;
      return o;
    };
    switch (ref.step) {
      case 'new-site': {
        // The Administrator password is random and kept nowhere: the customer's System Manager is who signs in.
        const force = attempt > 1 || existsSync(join(this.benchPath, 'sites', site));
        const o = track(await this.ops.newSite({ site, adminPassword: password(), root, force }, this.config.heavyStepTimeoutMs));
        if (!o.ok) return fail(o);
        // Background jobs need the scheduler, which v15 leaves off on a new site (bench-operations.ts).
        const sched = track(await this.ops.enableScheduler(site, light));
        return sched.ok ? { ok: true, result: { step: 'new-site', dbName: o.value.dbName }, benchMs } : fail(sched);
      }
      case 'install-app': {
        const o = track(await this.ops.installApp(site, ref.app ?? '', this.config.heavyStepTimeoutMs));
        return o.ok ? { ok: true, result: { step: 'install-app' }, benchMs } : fail(o);
      }
      case 'add-system-manager': {
        const creds = this.rest ? await this.standbyCredentials(state) : undefined;
        if (attempt > 1) {
          const seen = creds && this.rest ? rested(await this.rest.userExists(site, creds, state.adminEmail, light)) : track(await this.ops.userExists(site, state.adminEmail, light));
          if (!seen.ok) return fail(seen);
          if (seen.value) return { ok: true, result: { step: 'add-system-manager' }, benchMs };
        }
        let pw: string;
        let generatedPassword: SealedSecret | undefined;
        if (state.adminPassword) {
          pw = await this.secrets.open(state.adminPassword);
        } else {
          // Google sign-ups have no password of ours; the generated one is kept sealed.
          pw = password();
          generatedPassword = await this.secrets.seal(state.tenantId, pw);
        }
        // REST: one request with the password in its body (~0.6 s) instead of add-system-manager and set-password (~6.5 s).
        const o =
          creds && this.rest ? rested(await this.rest.createSystemManager(site, creds, state.adminEmail, pw, light)) : track(await this.ops.addSystemManager(site, state.adminEmail, pw, light));
        // REST's `existed`: an earlier attempt made the user (with this password, or a generated one we no longer have).
        const passwordSet = o.ok && !(creds && this.rest && o.value.existed);
        return o.ok ? { ok: true, result: { step: 'add-system-manager', ...(generatedPassword && passwordSet ? { generatedPassword } : {}) }, benchMs } : fail(o);
      }
      case 'api-keys': {
        const creds = await this.standbyCredentials(state);
        if (creds) {
          // Made while the standby was built and held only in the site's folder: no bench call needed.
          return { ok: true, result: { step: 'api-keys', apiKey: creds.apiKey, apiSecret: await this.secrets.seal(state.tenantId, creds.apiSecret) }, benchMs };
        }
        // A standby site's Administrator has its key already (made while building): a new secret is all it needs.
        const known = state.standbySite ? state.standbyApiKey : undefined;
        const o = track(await this.ops.issueApiKeys(site, 'Administrator', known, light));
        if (!o.ok) return fail(o);
        return { ok: true, result: { step: 'api-keys', apiKey: o.value.apiKey, apiSecret: await this.secrets.seal(state.tenantId, o.value.apiSecret) }, benchMs };
      }
      case 'set-host-name': {
        const siteUrl = siteUrlFor(this.config.siteUrlTemplate, state.subdomain, state.siteName);
        const started = Date.now();
        try {
          // What `set-config host_name` and `setup add-domain` write, under their lock, without a
          // cold bench start each. A standby site (standby-xxxxxxxx) also answers on the customer's
          // name: `sites/<name>` links to it (Frappe finds a site by the Host's folder) and the name
          // is in `domains` (bench's own nginx config maps those).
          if (state.standbySite) await linkSiteName(this.benchPath, state.siteName, site);
          await updateSiteConfig(this.benchPath, site, withHostName(siteUrl, state.standbySite ? state.siteName : undefined));
        } catch (e) {
          return { ok: false, failure: localFailure(['set-host-name', site], e, Date.now() - started), benchMs: Date.now() - started };
        }
        // Counted like a bench command's time: mostly flock(1)'s start and the wait for frappe's lock.
        return { ok: true, result: { step: 'set-host-name', hostName: siteUrl, siteUrl }, benchMs: Date.now() - started };
      }
      case 'drop-site': {
        // The customer's name for a claimed standby site goes first: it must never lead to a dropped folder.
        if (state.standbySite) await unlinkSiteNames(this.benchPath, site);
        // Gone already (a redo after a crash): its archive may still be there.
        if (!(await this.ops.siteExists(site))) return { ok: true, result: { step: 'drop-site', archiveRemoved: (await this.ops.removeArchives(site)).length > 0 }, benchMs };
        const o = track(await this.ops.dropSite(site, root, this.config.heavyStepTimeoutMs));
        return o.ok ? { ok: true, result: { step: 'drop-site', ...(o.value.archivedTo ? { archivedTo: o.value.archivedTo } : {}), archiveRemoved: o.value.archivesRemoved > 0 }, benchMs } : fail(o);
      }
    }
  }
}
