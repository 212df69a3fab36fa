/**
 * The process manager's settings, parsed once at start-up and frozen. A bad value stops the
 * service naming the variable. Where bench is and how to log in to the database are
 * `config.bench` (bench/bench-config.ts).
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { ConfigError, intVar, type Env } from '../config/env.js';
import type { WorkflowPolicy } from '../tenants/decide-next.js';

/** The workflow's policy (timeouts, retries, liveness: decide-next.ts) and how this instance runs it. */
export interface PmConfig extends Omit<WorkflowPolicy, 'poolEnabled'> {
  readonly enabled: boolean;
  /** Shared by every instance of one deployment: the name of the checkpoint stream. */
  readonly name: string;
  /** This instance, as recorded in StepStarted's lease. */
  readonly runnerId: string;
  readonly scanIntervalMs: number;
  readonly checkpointEveryMs: number;
  /** How often this runner says it is alive (runner-registry.ts). */
  readonly heartbeatMs: number;
  /** `{subdomain}` is replaced; default `https://{site}`. */
  readonly siteUrlTemplate: string;
}

const int = intVar;

export function parsePmConfig(env: Env = process.env): PmConfig {
  const name = env.PM_NAME?.trim() || 'provisioning';
  if (!/^[a-z0-9-]{1,64}$/.test(name)) throw new ConfigError('PM_NAME', `must be lowercase letters, digits and dashes, got "${name}".`);
  const heartbeatMs = int(env, 'PM_HEARTBEAT_MS', 5_000, 50, 60_000);
  const runnerDeadAfterMs = int(env, 'PM_RUNNER_DEAD_AFTER_MS', 20_000, 200, 600_000);
  // A live runner must beat (and others must see the beat) well inside the time that declares it dead.
  if (runnerDeadAfterMs < 3 * heartbeatMs) throw new ConfigError('PM_RUNNER_DEAD_AFTER_MS', `must be at least 3 x PM_HEARTBEAT_MS (${3 * heartbeatMs}), got ${runnerDeadAfterMs}.`);
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
    heartbeatMs,
    runnerDeadAfterMs,
    siteUrlTemplate: env.SITE_URL_TEMPLATE?.trim() || 'https://{site}',
  });
}

export const siteUrlFor = (template: string, subdomain: string, site: string): string => template.replace('{subdomain}', subdomain).replace('{site}', site);
