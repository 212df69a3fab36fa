/**
 * Server configuration, parsed once on first use into a frozen object. Parsing is lazy because
 * `next build` evaluates modules without the runtime environment; a bad value stops the first
 * request with a message naming the variable. No secret has a default. Only server modules
 * import this file; the client bundle never sees these values.
 */

export interface WebConfig {
  /** `example.com` (tests: `example.localhost`), without port. */
  readonly rootDomain: string;
  /** The apex origin people use, e.g. `http://example.localhost:3000` (NEXTAUTH_URL). */
  readonly publicUrl: URL;
  readonly nextAuthSecret: string;
  readonly provisioningUrl: string;
  readonly provisioningSecret: string;
  /** Per call; the signup form says "slow" after this. */
  readonly provisioningTimeoutMs: number;
  readonly readModelUrl: string;
  readonly secureCookies: boolean;
  /** Concurrent progress streams (SSE) per signed-in person and per client address. */
  readonly progressStreams: { readonly perSession: number; readonly perAddress: number; readonly maxLifeMs: number };
  readonly google?: { readonly clientId: string; readonly clientSecret: string; readonly wellKnown?: string; readonly issuer?: string };
  /** Operators (the /ops console), lower-case emails from OPS_EMAILS; empty: nobody. */
  readonly opsEmails: ReadonlySet<string>;
}

class ConfigError extends Error {
  constructor(variable: string, why: string) {
    super(`web: ${variable} ${why}`);
    this.name = 'ConfigError';
  }
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const v = env[name]?.trim();
  if (!v) throw new ConfigError(name, 'is not set');
  return v;
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(name, `must be a whole number from ${min} to ${max} (got "${raw}")`);
  return n;
}

/**
 * OPS_EMAILS: comma-separated. Each address must pass the API's X-Operator rule too, since it is
 * what the console sends to name the operator in the events it causes.
 */
function opsEmails(env: NodeJS.ProcessEnv): ReadonlySet<string> {
  const list = (env.OPS_EMAILS ?? '')
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean);
  for (const e of list) {
    if (!/^[a-z0-9._-]+@[a-z0-9.-]+$/.test(e) || e.length > 64)
      throw new ConfigError('OPS_EMAILS', `must list plain email addresses of up to 64 characters (letters, digits, . _ -), comma-separated (got "${e}")`);
  }
  return new Set(list);
}

function parse(env: NodeJS.ProcessEnv): WebConfig {
  const rootDomain = required(env, 'ROOT_DOMAIN').toLowerCase();
  if (!/^[a-z0-9.-]+$/.test(rootDomain) || rootDomain.startsWith('.')) throw new ConfigError('ROOT_DOMAIN', `must be a bare host name like example.com (got "${rootDomain}")`);
  let publicUrl: URL;
  try {
    publicUrl = new URL(required(env, 'NEXTAUTH_URL'));
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    throw new ConfigError('NEXTAUTH_URL', 'is not a URL');
  }
  if (publicUrl.hostname !== rootDomain) throw new ConfigError('NEXTAUTH_URL', `must be on the apex ${rootDomain} (sign-in starts and ends there)`);
  const nextAuthSecret = required(env, 'NEXTAUTH_SECRET');
  if (nextAuthSecret.length < 32) throw new ConfigError('NEXTAUTH_SECRET', 'must have at least 32 characters');
  const timeout = Number(env.PROVISIONING_TIMEOUT_MS ?? '8000');
  if (!Number.isFinite(timeout) || timeout < 100) throw new ConfigError('PROVISIONING_TIMEOUT_MS', 'must be a number of milliseconds >= 100');
  const clientId = env.GOOGLE_CLIENT_ID?.trim();
  const clientSecret = env.GOOGLE_CLIENT_SECRET?.trim();
  if (clientId && !clientSecret) throw new ConfigError('GOOGLE_CLIENT_SECRET', 'is required when GOOGLE_CLIENT_ID is set');
  return Object.freeze({
    rootDomain,
    publicUrl,
    nextAuthSecret,
    provisioningUrl: (env.PROVISIONING_URL ?? 'http://127.0.0.1:4000').replace(/\/+$/, ''),
    provisioningSecret: required(env, 'PROVISIONING_API_SECRET'),
    provisioningTimeoutMs: timeout,
    readModelUrl: required(env, 'READ_MODEL_URL'),
    secureCookies: publicUrl.protocol === 'https:',
    progressStreams: Object.freeze({
      perSession: int(env, 'WEB_PROGRESS_STREAMS_PER_SESSION', 4, 1, 100),
      perAddress: int(env, 'WEB_PROGRESS_STREAMS_PER_ADDRESS', 16, 1, 10_000),
      // The browser reconnects (Last-Event-ID) after this, so a stuck tenant holds no slot forever.
      maxLifeMs: int(env, 'WEB_PROGRESS_STREAM_MAX_SECONDS', 600, 5, 86_400) * 1000,
    }),
    google: clientId && clientSecret ? Object.freeze({ clientId, clientSecret, wellKnown: env.GOOGLE_WELL_KNOWN?.trim() || undefined, issuer: env.GOOGLE_ISSUER?.trim() || undefined }) : undefined,
    opsEmails: opsEmails(env),
  });
}

let cached: WebConfig | undefined;
export function config(): WebConfig {
  cached ??= parse(process.env);
  return cached;
}

/** `http://acme.example.localhost:3000/`: the tenant host on the same scheme and port as the apex. */
export function tenantUrl(subdomain: string, path = '/'): string {
  const u = new URL(path, config().publicUrl);
  u.hostname = `${subdomain}.${config().rootDomain}`;
  return u.href;
}
