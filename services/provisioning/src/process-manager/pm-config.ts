/**
 * The process manager's settings, parsed once at start-up and frozen. A bad value stops the
 * service naming the variable. The database root password has no default (it is a secret);
 * unset, bench falls back to common_site_config.json's root_password, as real bench does.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { ConfigError, intVar, type Env } from '../config/env.js';

export interface PmConfig {
  readonly enabled: boolean;
  /** Shared by every instance of one deployment: the name of the checkpoint stream. */
  readonly name: string;
  /** This instance, as recorded in StepStarted's lease. */
  readonly runnerId: string;
  readonly heavyStepTimeoutMs: number;
  readonly lightStepTimeoutMs: number;
  readonly leaseGraceMs: number;
  readonly maxAttempts: number;
  readonly backoffBaseMs: number;
  readonly backoffMaxMs: number;
  readonly scanIntervalMs: number;
  readonly checkpointEveryMs: number;
  readonly dbRootUsername: string;
  readonly dbRootPassword?: string;
  /** `{subdomain}` is replaced; default `https://{site}`. */
  readonly siteUrlTemplate: string;
}

const int = intVar;

export function parsePmConfig(env: Env = process.env): PmConfig {
  const name = env.PM_NAME?.trim() || 'provisioning';
  if (!/^[a-z0-9-]{1,64}$/.test(name)) throw new ConfigError('PM_NAME', `must be lowercase letters, digits and dashes, got "${name}".`);
  return Object.freeze({
    enabled: (env.PM_ENABLED?.trim() || 'true') !== 'false',
    name,
    runnerId: `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`,
    heavyStepTimeoutMs: int(env, 'BENCH_STEP_TIMEOUT_MS', 45 * 60_000, 100, 24 * 3_600_000),
    lightStepTimeoutMs: int(env, 'BENCH_LIGHT_STEP_TIMEOUT_MS', 5 * 60_000, 100, 3_600_000),
    leaseGraceMs: int(env, 'PM_LEASE_GRACE_MS', 30_000, 0, 3_600_000),
    maxAttempts: int(env, 'PM_MAX_ATTEMPTS', 5, 1, 100),
    backoffBaseMs: int(env, 'PM_BACKOFF_BASE_MS', 2_000, 1, 3_600_000),
    backoffMaxMs: int(env, 'PM_BACKOFF_MAX_MS', 120_000, 1, 24 * 3_600_000),
    scanIntervalMs: int(env, 'PM_SCAN_INTERVAL_MS', 30_000, 50, 3_600_000),
    checkpointEveryMs: int(env, 'PM_CHECKPOINT_EVERY_MS', 1_000, 10, 3_600_000),
    dbRootUsername: env.BENCH_DB_ROOT_USERNAME?.trim() || 'root',
    dbRootPassword: env.BENCH_DB_ROOT_PASSWORD || undefined,
    siteUrlTemplate: env.SITE_URL_TEMPLATE?.trim() || 'https://{site}',
  });
}

/** Bounded exponential backoff with up to 20 % jitter so retries of many tenants spread out. */
export function backoffMs(c: Pick<PmConfig, 'backoffBaseMs' | 'backoffMaxMs'>, attempt: number, random = Math.random()): number {
  const raw = Math.min(c.backoffMaxMs, c.backoffBaseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(raw * (0.8 + 0.2 * random));
}

export const siteUrlFor = (template: string, subdomain: string, site: string): string =>
  template.replace('{subdomain}', subdomain).replace('{site}', site);
