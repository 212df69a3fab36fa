/**
 * Configuration, parsed once at start-up into a frozen object. A missing or bad value stops
 * the process with a message naming the variable; no secret has a default here.
 */
import { parseAuditConfig, type AuditConfig } from '../audit/audit-config.js';
import { parseEmailConfig, type EmailConfig } from '../email/email-config.js';
import { parseBenchConfig, type BenchConfig } from '../bench/bench-config.js';
import { parsePoolConfig, type PoolConfig } from '../pool/pool-config.js';
import { parsePmConfig, type PmConfig } from '../process-manager/pm-config.js';
import { ConfigError, intVar, type Env } from './env.js';

export interface RateLimits {
  /** Signups per client IP per minute. */
  readonly signupsPerMinute: number;
  /** Subdomain availability checks per client IP per minute. */
  readonly checksPerMinute: number;
  /** Credential checks per client IP per minute. */
  readonly credentialChecksPerMinute: number;
}

export interface ProvisioningConfig {
  readonly eventStoreUrl: string;
  /** Where per-tenant data keys live (outside the event store); derived from the store URL when unset. */
  readonly keyStoreUrl?: string;
  readonly host: string;
  /**
   * Which proxies may set X-Forwarded-For (Fastify's trustProxy): false, true, a hop count, or
   * a comma-separated list of addresses/CIDRs. Rate limits are per client IP, so behind the web
   * app's server this must name it, or every signup counts against the proxy's address.
   */
  readonly trustProxy: boolean | number | string;
  readonly port: number;
  readonly apiSecret: string;
  /** 32 bytes: wraps every per-tenant key. */
  readonly secretsKey: Buffer;
  readonly rootDomain: string;
  readonly apps: readonly string[];
  readonly logLevel: string;
  readonly rateLimits: RateLimits;
  /** log N of the scrypt cost for password hashes (15 = 32 MiB per hash). */
  readonly scryptLogN: number;
  /** SSE heartbeat period (15 s) and how often an open stream looks for new events. */
  readonly sse: { readonly heartbeatMs: number; readonly pollMs: number };
  /** The bench both the process manager and the pool drive (bench/bench-config.ts). */
  readonly bench: BenchConfig;
  /** The process manager: step timeouts, retries, heartbeats (process-manager/pm-config.ts). */
  readonly pm: PmConfig;
  /** The warm pool of standby sites (pool/pool-config.ts). */
  readonly pool: PoolConfig;
  /** SMTP, links and the outbox (email/email-config.ts). */
  readonly email: EmailConfig;
  /** Signed checkpoints on a timer (audit/audit-config.ts). */
  readonly audit: AuditConfig;
}

export { ConfigError } from './env.js';

function required(env: Env, name: string): string {
  const v = env[name];
  if (v === undefined || v.trim() === '') throw new ConfigError(name, 'is required but not set.');
  return v.trim();
}

const int = intVar;

/** Accepts 64 hex characters or base64/base64url of exactly 32 bytes. */
export function parseKey(name: string, raw: string): Buffer {
  if (/^[0-9a-fA-F]{64}$/.test(raw)) return Buffer.from(raw, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(raw)) {
    const buf = Buffer.from(raw.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (buf.length === 32) return buf;
  }
  throw new ConfigError(name, 'must be 32 random bytes, as 64 hex characters or base64 (e.g. `openssl rand -hex 32`).');
}

function parseTrustProxy(raw: string | undefined): boolean | number | string {
  const v = raw?.trim();
  if (!v || v === 'false') return false;
  if (v === 'true') return true;
  if (/^\d{1,2}$/.test(v)) return Number(v);
  if (/^[0-9a-fA-F:.,/\sa-z]+$/.test(v)) return v;
  throw new ConfigError('PROVISIONING_TRUST_PROXY', 'must be true, false, a hop count or a comma-separated list of addresses/CIDRs.');
}

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;
const APP = /^[a-z][a-z0-9_]{0,63}$/;

export function parseConfig(env: Env = process.env): ProvisioningConfig {
  const apiSecret = required(env, 'PROVISIONING_API_SECRET');
  if (apiSecret.length < 16) throw new ConfigError('PROVISIONING_API_SECRET', 'must have at least 16 characters.');
  const secretsKey = parseKey('SECRETS_KEY', required(env, 'SECRETS_KEY'));
  const eventStoreUrl = env.EVENT_STORE_URL?.trim() || 'sqlite:./data/events.db';
  const rootDomain = (env.ROOT_DOMAIN?.trim() || 'example.localhost').toLowerCase();
  if (!DOMAIN.test(rootDomain)) throw new ConfigError('ROOT_DOMAIN', `must be a DNS name like example.com, got "${rootDomain}".`);
  const apps = (env.PROVISIONING_APPS?.trim() || 'erpnext')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  const badApp = apps.find((a) => !APP.test(a));
  if (apps.length === 0 || badApp !== undefined) throw new ConfigError('PROVISIONING_APPS', `must be a comma-separated list of Frappe app names${badApp ? `; "${badApp}" is not one` : ''}.`);
  const config: ProvisioningConfig = {
    eventStoreUrl,
    keyStoreUrl: env.KEY_STORE_URL?.trim() || undefined,
    host: env.PROVISIONING_HOST?.trim() || '127.0.0.1',
    trustProxy: parseTrustProxy(env.PROVISIONING_TRUST_PROXY),
    port: int(env, 'PROVISIONING_PORT', 4000, 0, 65535),
    apiSecret,
    secretsKey,
    rootDomain,
    apps: Object.freeze(apps),
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    rateLimits: Object.freeze({
      signupsPerMinute: int(env, 'RATE_LIMIT_SIGNUPS_PER_MINUTE', 20, 1, 1_000_000),
      checksPerMinute: int(env, 'RATE_LIMIT_CHECKS_PER_MINUTE', 120, 1, 1_000_000),
      credentialChecksPerMinute: int(env, 'RATE_LIMIT_CREDENTIAL_CHECKS_PER_MINUTE', 30, 1, 1_000_000),
    }),
    scryptLogN: int(env, 'SCRYPT_LOG_N', 15, 10, 20),
    sse: Object.freeze({
      heartbeatMs: int(env, 'SSE_HEARTBEAT_MS', 15_000, 100, 600_000),
      pollMs: int(env, 'SSE_POLL_MS', 250, 10, 10_000),
    }),
    bench: parseBenchConfig(env),
    pm: parsePmConfig(env),
    pool: parsePoolConfig(env),
    email: parseEmailConfig(env, rootDomain),
    audit: parseAuditConfig(env),
  };
  return Object.freeze(config);
}

/** For logs and banners: every field but the secrets. */
export const describeConfig = (c: ProvisioningConfig) => ({
  eventStoreUrl: c.eventStoreUrl.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@'),
  host: c.host,
  port: c.port,
  rootDomain: c.rootDomain,
  apps: c.apps,
  rateLimits: c.rateLimits,
});
