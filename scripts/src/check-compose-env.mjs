#!/usr/bin/env node
/**
 * Which variables and which secrets each service of docker-compose.yml receives, checked against
 * an allow-list (DESIGN.md, Security: "Each process gets only the secrets it needs"; finding 8 of
 * the 2026-12 attack run: a shared env_file gave the web the database root passwords).
 *
 * Two checks per service, on the file interpolated with .env.example and placeholder secrets:
 *  1. every variable it gets (environment, and every name of every env_file) is on its list;
 *  2. every secret's placeholder value, wherever it lands in the service's definition (a
 *     variable, a URL, a command), lands only in the services allowed to hold that secret.
 * The second catches a secret smuggled under another name (a password inside a store URL).
 *
 *   node scripts/src/check-compose-env.mjs [compose file] [--env-example .env.example] [--verbose]
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SECRET_NAME, interpolateDeep, parseEnvFile } from './compose-rules.mjs';
import { loadYaml, runCheckCli, withPlaceholders } from './check-compose.mjs';

/** Tuning variables of the provisioning service, passed through from .env when set. */
const PROVISIONING_TUNING = [
  'PROVISIONING_APPS',
  'PROVISIONING_CONCURRENCY',
  'LOG_LEVEL',
  'RATE_LIMIT_SIGNUPS_PER_MINUTE',
  'RATE_LIMIT_CHECKS_PER_MINUTE',
  'RATE_LIMIT_CREDENTIAL_CHECKS_PER_MINUTE',
  'SCRYPT_LOG_N',
  'SSE_HEARTBEAT_MS',
  'SSE_POLL_MS',
  'PM_ENABLED',
  'PM_NAME',
  'PM_LEASE_GRACE_MS',
  'PM_MAX_ATTEMPTS',
  'PM_BACKOFF_BASE_MS',
  'PM_BACKOFF_MAX_MS',
  'PM_SCAN_INTERVAL_MS',
  'PM_CHECKPOINT_EVERY_MS',
  'BENCH_STEP_TIMEOUT_MS',
  'BENCH_LIGHT_STEP_TIMEOUT_MS',
  'SITE_URL_TEMPLATE',
  'POOL_SIZE',
  'POOL_REFILL_INTERVAL_MS',
  'POOL_CLAIM_GRACE_MS',
  'SMTP_URL',
  'MAIL_FROM',
  'OPS_EMAILS',
  'WEB_URL',
  'EMAIL_MAX_ATTEMPTS',
  'EMAIL_VERIFICATION_TTL_HOURS',
  'TENANTCTL_OPERATOR',
];
const NO_VARIABLES = [];

/** The variables each service may receive. A service missing here fails the check: add it on purpose. */
export const ALLOWED_VARIABLES = {
  kurrentdb: [
    'KURRENTDB_CLUSTER_SIZE',
    'KURRENTDB_RUN_PROJECTIONS',
    'KURRENTDB_START_STANDARD_PROJECTIONS',
    'KURRENTDB_NODE_PORT',
    'KURRENTDB_INSECURE',
    'KURRENTDB_ENABLE_ATOM_PUB_OVER_HTTP',
    'KURRENTDB_TELEMETRY_OPTOUT',
    'KURRENTDB_CERTIFICATE_FILE',
    'KURRENTDB_CERTIFICATE_PRIVATE_KEY_FILE',
    'KURRENTDB_TRUSTED_ROOT_CERTIFICATES_PATH',
    'KURRENTDB_DEFAULT_ADMIN_PASSWORD',
    'KURRENTDB_DEFAULT_OPS_PASSWORD',
  ],
  mongodb: ['MONGO_INITDB_ROOT_USERNAME', 'MONGO_INITDB_ROOT_PASSWORD', 'MONGO_REPLICA_SET_KEY'],
  mariadb: ['MARIADB_ROOT_PASSWORD'],
  'redis-cache': NO_VARIABLES,
  'redis-queue': NO_VARIABLES,
  'frappe-configurator': ['DB_HOST', 'DB_PORT', 'REDIS_CACHE', 'REDIS_QUEUE', 'SOCKETIO_PORT'],
  'frappe-backend': NO_VARIABLES,
  'frappe-websocket': NO_VARIABLES,
  'frappe-queue-short': NO_VARIABLES,
  'frappe-queue-long': NO_VARIABLES,
  'frappe-scheduler': NO_VARIABLES,
  'frappe-frontend': [
    'BACKEND',
    'SOCKETIO',
    'FRAPPE_SITE_NAME_HEADER',
    'UPSTREAM_REAL_IP_ADDRESS',
    'UPSTREAM_REAL_IP_HEADER',
    'UPSTREAM_REAL_IP_RECURSIVE',
    'PROXY_READ_TIMEOUT',
    'CLIENT_MAX_BODY_SIZE',
  ],
  provisioning: [
    'EVENT_STORE_URL',
    'READ_MODEL_URL',
    'KEY_STORE_URL',
    'NODE_ENV',
    'ROOT_DOMAIN',
    'PROVISIONING_HOST',
    'PROVISIONING_PORT',
    'PROVISIONING_TRUST_PROXY',
    'PROVISIONING_API_SECRET',
    'SECRETS_KEY',
    'BENCH_PATH',
    'BENCH_BIN',
    'BENCH_DB_ROOT_USERNAME',
    'BENCH_DB_ROOT_PASSWORD',
    'FRAPPE_URL',
    ...PROVISIONING_TUNING,
  ],
  'tenant-lookup-projector': ['EVENT_STORE_URL', 'READ_MODEL_URL', 'NODE_ENV', 'PROJECTOR_MAX_LAG_SECONDS'],
  web: [
    'READ_MODEL_URL',
    'NODE_ENV',
    'ROOT_DOMAIN',
    'PORT',
    'PROVISIONING_URL',
    'PROVISIONING_API_SECRET',
    'PROVISIONING_TIMEOUT_MS',
    'NEXTAUTH_URL',
    'NEXTAUTH_SECRET',
    'GOOGLE_CLIENT_ID',
    'GOOGLE_CLIENT_SECRET',
    'GOOGLE_WELL_KNOWN',
    'GOOGLE_ISSUER',
    'WEB_TRUST_PROXY',
    'WEB_PROGRESS_STREAMS_PER_SESSION',
    'WEB_PROGRESS_STREAMS_PER_ADDRESS',
    'WEB_PROGRESS_STREAM_MAX_SECONDS',
    'OPS_EMAILS',
  ],
};

/**
 * Where each secret of .env may end up (docs/security.md, "Secrets per process"). The store
 * passwords travel inside the store URLs of the processes that connect to that store.
 */
export const SECRET_HOLDERS = {
  PROVISIONING_API_SECRET: ['provisioning', 'web'],
  SECRETS_KEY: ['provisioning'],
  NEXTAUTH_SECRET: ['web'],
  GOOGLE_CLIENT_SECRET: ['web'],
  KURRENTDB_ADMIN_PASSWORD: ['kurrentdb', 'provisioning', 'tenant-lookup-projector'],
  KURRENTDB_OPS_PASSWORD: ['kurrentdb'],
  MONGO_ROOT_PASSWORD: ['mongodb', 'provisioning', 'tenant-lookup-projector', 'web'],
  MONGO_REPLICA_SET_KEY: ['mongodb'],
  MARIADB_ROOT_PASSWORD: ['mariadb', 'provisioning'],
};

/** Names a service's `environment:` sets (mapping or list form, with or without a value). */
function environmentNames(env) {
  if (!env) return [];
  if (Array.isArray(env)) return env.map((e) => String(e).split('=')[0]);
  return Object.keys(env);
}

/** Every variable of every env_file of a service; `files.envFile(path)` reads one (.env: .env.example with placeholders). */
function envFileVariables(service, files) {
  const entries = service.env_file === undefined ? [] : [service.env_file].flat();
  return Object.assign({}, ...entries.map((e) => files.envFile(typeof e === 'string' ? e : e.path)));
}

/**
 * Pure over the interpolated document. `placeholders` maps each secret's name to the value it was
 * interpolated with; `files.envFile(path)` returns an env file's variables.
 */
export function checkServiceEnvironments(doc, placeholders, files) {
  const findings = [];
  const check = (ok, what) => findings.push({ ok: Boolean(ok), what });
  const services = doc?.services ?? {};
  for (const [name, service] of Object.entries(services)) {
    const allowed = ALLOWED_VARIABLES[name];
    check(allowed !== undefined, `${name}: has an allow-list of variables in scripts/src/check-compose-env.mjs`);
    // An env_file hands over every variable in it: .env as a whole fails here, name by name.
    for (const v of new Set([...environmentNames(service?.environment), ...Object.keys(envFileVariables(service ?? {}, files))])) {
      check(allowed?.includes(v), `${name}: may receive ${v}`);
    }
  }
  for (const [secret, value] of Object.entries(placeholders)) {
    const holders = SECRET_HOLDERS[secret];
    check(holders !== undefined, `secret ${secret}: has a list of the services that may hold it`);
    const seen = (s) => JSON.stringify([s ?? {}, envFileVariables(s ?? {}, files)]);
    const reached = Object.entries(services)
      .filter(([, s]) => seen(s).includes(value))
      .map(([n]) => n);
    const extra = reached.filter((n) => !(holders ?? []).includes(n));
    check(extra.length === 0, `secret ${secret}: reaches only ${(holders ?? []).join(', ') || 'nobody'}${extra.length ? ` (also: ${extra.join(', ')})` : ''}`);
  }
  return findings;
}

export function runEnvChecks(composePath, envExamplePath) {
  const exampleEnv = parseEnvFile(readFileSync(envExamplePath, 'utf8'));
  const env = withPlaceholders(exampleEnv);
  // Only secrets the example leaves empty get a recognisable placeholder; each must be unique text.
  const placeholders = Object.fromEntries(Object.entries(env).filter(([k, v]) => SECRET_NAME.test(k) && v !== exampleEnv[k]));
  const { value: doc } = interpolateDeep(loadYaml(readFileSync(composePath, 'utf8')), env);
  const base = dirname(composePath);
  const files = {
    envFile: (p) => {
      const path = resolve(base, p);
      if (path === resolve(base, '.env')) return env;
      return existsSync(path) ? parseEnvFile(readFileSync(path, 'utf8')) : {};
    },
  };
  return checkServiceEnvironments(doc, placeholders, files);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runCheckCli('check-compose-env', 'variables and secrets per service', runEnvChecks);
}
