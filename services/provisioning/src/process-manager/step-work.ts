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
import type { StepRef, TenantState } from '@tlc/tenant-events';
import type { BenchOperations, Outcome } from '../bench/bench-operations.js';
import type { BenchFailed } from '../bench/bench-runner.js';
import type { SecretsService } from '../secrets/secrets.service.js';
import { siteUrlFor, type PmConfig } from './pm-config.js';

export type StepOutcome =
  | { readonly ok: true; readonly result: Record<string, unknown>; readonly benchMs: number }
  | { readonly ok: false; readonly failure: BenchFailed; readonly benchMs: number };

export const HEAVY_STEP_NAMES = new Set<StepRef['step']>(['new-site', 'install-app', 'drop-site']);

export function stepTimeoutMs(c: PmConfig, step: StepRef['step']): number {
  if (step === 'api-keys') return 2 * c.lightStepTimeoutMs; // two bench calls
  if (step === 'add-system-manager') return 2 * c.lightStepTimeoutMs; // existence check + add
  if (step === 'set-host-name') return 2 * c.lightStepTimeoutMs; // add-domain on a standby site + set-config
  return HEAVY_STEP_NAMES.has(step) ? c.heavyStepTimeoutMs : c.lightStepTimeoutMs;
}

export const benchSiteOf = (s: TenantState): string => s.standbySite ?? s.siteName;

/** Random, and never starting with `-` (bench would read it as an option). */
const password = (): string => `p${randomBytes(18).toString('base64url')}`;

export class StepWork {
  constructor(
    private readonly ops: BenchOperations,
    private readonly secrets: SecretsService,
    private readonly config: PmConfig,
    private readonly benchPath: string,
  ) {}

  async run(state: TenantState, ref: StepRef, attempt: number): Promise<StepOutcome> {
    const site = benchSiteOf(state);
    const light = this.config.lightStepTimeoutMs;
    const root = { username: this.config.dbRootUsername, password: this.config.dbRootPassword };
    let benchMs = 0;
    const track = <T>(o: Outcome<T>): Outcome<T> => {
      benchMs += o.result.durationMs;
      return o;
    };
    const fail = (o: { result: BenchFailed }): StepOutcome => ({ ok: false, failure: o.result, benchMs });
    switch (ref.step) {
      case 'new-site': {
        // The Administrator password is random and kept nowhere: the customer's System Manager is who signs in.
        const force = attempt > 1 || existsSync(join(this.benchPath, 'sites', site));
        const o = track(await this.ops.newSite({ site, adminPassword: password(), root, force }, this.config.heavyStepTimeoutMs));
        return o.ok ? { ok: true, result: { dbName: o.value.dbName }, benchMs } : fail(o);
      }
      case 'install-app': {
        const o = track(await this.ops.installApp(site, ref.app ?? '', this.config.heavyStepTimeoutMs));
        return o.ok ? { ok: true, result: {}, benchMs } : fail(o);
      }
      case 'add-system-manager': {
        if (attempt > 1) {
          const seen = track(await this.ops.userExists(site, state.adminEmail, light));
          if (!seen.ok) return fail(seen);
          if (seen.value) return { ok: true, result: {}, benchMs };
        }
        let pw: string;
        let generatedPassword: unknown;
        if (state.adminPassword) {
          pw = await this.secrets.open(state.adminPassword);
        } else {
          // Google sign-ups have no password of ours; the generated one is kept sealed.
          pw = password();
          generatedPassword = await this.secrets.seal(state.tenantId, pw);
        }
        const o = track(await this.ops.addSystemManager(site, state.adminEmail, pw, light));
        // `existed`: an earlier attempt added the user (v15's DuplicateEntryError); this password was not set.
        return o.ok ? { ok: true, result: generatedPassword && !o.value.existed ? { generatedPassword } : {}, benchMs } : fail(o);
      }
      case 'api-keys': {
        // A standby site's Administrator has its key already (made while building): a new secret is all it needs.
        const known = state.standbySite ? state.standbyApiKey : undefined;
        const o = track(await this.ops.issueApiKeys(site, 'Administrator', known, light));
        if (!o.ok) return fail(o);
        return { ok: true, result: { apiKey: o.value.apiKey, apiSecret: await this.secrets.seal(state.tenantId, o.value.apiSecret) }, benchMs };
      }
      case 'set-host-name': {
        const siteUrl = siteUrlFor(this.config.siteUrlTemplate, state.subdomain, state.siteName);
        if (state.standbySite) {
          // A standby site is named standby-xxxxxxxx: the customer's name reaches it as a domain.
          // Here rather than in the claim, so it runs beside the admin and API-key steps.
          const d = track(await this.ops.addDomain(site, state.siteName, light));
          if (!d.ok) return fail(d);
        }
        const o = track(await this.ops.setHostName(site, siteUrl, light));
        return o.ok ? { ok: true, result: { hostName: siteUrl, siteUrl }, benchMs } : fail(o);
      }
      case 'drop-site': {
        if (!(await this.ops.siteExists(site))) return { ok: true, result: {}, benchMs };
        const o = track(await this.ops.dropSite(site, root, this.config.heavyStepTimeoutMs));
        return o.ok ? { ok: true, result: o.value.archivedTo ? { archivedTo: o.value.archivedTo } : {}, benchMs } : fail(o);
      }
    }
  }
}
