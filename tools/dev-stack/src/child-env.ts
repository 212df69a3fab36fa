/**
 * The environment of each child of `npm start`. Each process gets only the variables it reads
 * (DESIGN.md, Security: "Each process gets only the secrets it needs"; finding 8 of the
 * 2026-12 attack run: one shared env gave the projector every secret and the web SECRETS_KEY).
 * The children start with `extendEnv: false`, so nothing from the developer's shell leaks
 * through either, except the handful of OS variables a process needs to run at all.
 *
 * To give a process a new variable (a colleague's SMTP_URL for the provisioning service, say),
 * add its default to the values main.ts builds and its name to that process's list below;
 * child-env.unit.spec.ts keeps the secrets where they belong.
 */

export type ChildName = 'provisioning' | 'projector' | 'web' | 'mailbox' | 'oidc';

interface Allowed {
  readonly names: readonly string[];
  /** Families of tuning variables, e.g. every RATE_LIMIT_*; never a secret's prefix. */
  readonly prefixes?: readonly string[];
}

/** What any process needs from the OS to run; no secret. */
const OS_VARS = ['PATH', 'HOME', 'USER', 'LOGNAME', 'LANG', 'LC_ALL', 'LC_CTYPE', 'TZ', 'TMPDIR', 'TERM', 'NODE_EXTRA_CA_CERTS'];

/** Per process: docs/configuration.md's "read by" column (P, J, W), and nothing else. */
export const CHILD_VARS: Readonly<Record<ChildName, Allowed>> = {
  provisioning: {
    names: [
      'EVENT_STORE_URL',
      'READ_MODEL_URL',
      'KEY_STORE_URL',
      'ROOT_DOMAIN',
      'LOG_LEVEL',
      'PROVISIONING_API_SECRET',
      'SECRETS_KEY',
      'BENCH_DB_ROOT_USERNAME',
      'BENCH_DB_ROOT_PASSWORD',
      'PROVISIONING_HOST',
      'PROVISIONING_PORT',
      'PROVISIONING_TRUST_PROXY',
      'PROVISIONING_APPS',
      'PROVISIONING_CONCURRENCY',
      'SCRYPT_LOG_N',
      'SITE_URL_TEMPLATE',
      'BENCH_PATH',
      'BENCH_BIN',
      'BENCH_STEP_TIMEOUT_MS',
      'BENCH_LIGHT_STEP_TIMEOUT_MS',
      // Outgoing mail (the outbox) is the provisioning service's: SMTP_URL goes here and nowhere else.
      'SMTP_URL',
      'MAIL_FROM',
      'OPS_EMAILS',
      'WEB_URL',
      'EMAIL_MAX_ATTEMPTS',
      'EMAIL_VERIFICATION_TTL_HOURS',
      // Read by the bench simulator, which the bench runner starts with its own allow-list.
      'FRAPPE_SITE',
    ],
    prefixes: ['RATE_LIMIT_', 'SSE_', 'PM_', 'POOL_', 'BENCH_SIM_'],
  },
  // Folds the log into the read model: the two store URLs, no secret of the control plane.
  projector: { names: ['EVENT_STORE_URL', 'READ_MODEL_URL'] },
  web: {
    names: [
      'ROOT_DOMAIN',
      'NEXTAUTH_URL',
      'NEXTAUTH_SECRET',
      'READ_MODEL_URL',
      // The web calls the API for every visitor with the bearer secret.
      'PROVISIONING_URL',
      'PROVISIONING_API_SECRET',
      'PROVISIONING_TIMEOUT_MS',
      'GOOGLE_CLIENT_ID',
      'GOOGLE_CLIENT_SECRET',
      'GOOGLE_WELL_KNOWN',
      'GOOGLE_ISSUER',
      // Who may use the operations console (/ops).
      'OPS_EMAILS',
      // Where the server listens (also given as -H/-p), and whom web/server.mjs believes for X-Forwarded-For.
      'HOST',
      'PORT',
      'NODE_ENV',
      'WEB_TRUST_PROXY',
    ],
    // Limits of the progress streams (WEB_PROGRESS_STREAMS_PER_SESSION, ...).
    prefixes: ['NEXT_TELEMETRY_', 'WEB_PROGRESS_'],
  },
  // The mail catcher (tools/mail-catcher) takes its address and ports as arguments: no variable.
  mailbox: { names: [] },
  // `--google-stub`: the local OpenID provider standing in for Google (web/e2e/support/oidc-server.mjs),
  // its port and the one client it knows (the web's GOOGLE_CLIENT_ID/SECRET for it).
  oidc: { names: ['OIDC_PORT', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URI'] },
};

const allowed = (a: Allowed, name: string): boolean => a.names.includes(name) || (a.prefixes ?? []).some((p) => name.startsWith(p));

/** The OS variables only: for `next build`, which needs no setting and no secret (the image builds it without any either). */
export function osEnv(shell: NodeJS.ProcessEnv): Record<string, string> {
  const env: Record<string, string> = {};
  for (const k of OS_VARS) if (shell[k] !== undefined) env[k] = shell[k];
  return env;
}

/**
 * One child's environment: its OS variables, its share of `values` (what the stack decided,
 * already preferring the shell where the shell may choose, as main.ts builds it), then the
 * shell's value for the rest of its variables (LOG_LEVEL, RATE_LIMIT_*, GOOGLE_*, ...). The
 * stack's own decisions win over the shell: an exported HOST (containers, CI) must not
 * move the web off loopback. An unrelated secret in either never reaches the child.
 */
export function childEnv(name: ChildName, values: Readonly<Record<string, string>>, shell: NodeJS.ProcessEnv): Record<string, string> {
  const rule = CHILD_VARS[name];
  const env = osEnv(shell);
  for (const [k, v] of Object.entries(values)) if (allowed(rule, k)) env[k] = v;
  for (const [k, v] of Object.entries(shell)) if (v !== undefined && allowed(rule, k) && !(k in values)) env[k] = v;
  return env;
}
