/**
 * The whole system for the browser tests, started and stopped by the tests themselves: a fresh
 * temp folder (SQLite event store, keys, read model, a simulated frappe-bench), free ports, the
 * provisioning service (with its process manager), the tenant-lookup projector, a local OpenID
 * provider standing in for Google, a local SMTP server (the mail catcher) that the service's
 * email outbox sends to, and the web's production server (web/server.mjs, which is `next start`
 * plus the client-address rewrite) on a build made once per run.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa, type ResultPromise } from 'execa';
import { startMailCatcher, type MailCatcher } from '@tlc/mail-catcher';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const WEB = join(ROOT, 'web');
export const ROOT_DOMAIN = 'example.localhost';
const NEXT_BIN = join(ROOT, 'node_modules/next/dist/bin/next');
/** The production server: `next start`'s handler behind the client-address rewrite (web/server.mjs). */
const WEB_SERVER = join(ROOT, 'web/server.mjs');
/** The harness's own build folder (next.config.ts reads NEXT_DIST_DIR), apart from `.next`. */
export const NEXT_DIST_DIR = '.next-e2e';
const BENCH_SIM = join(ROOT, 'tools/bench-simulator/bin/bench-sim.js');

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

async function waitFor(url: string, headers: Record<string, string>, child: ResultPromise, name: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode} before it was ready`);
    try {
      const res = await fetch(url, { headers, redirect: 'manual', signal: AbortSignal.timeout(3000) });
      if (res.status < 500) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${name} not ready at ${url} within ${timeoutMs} ms (${last})`);
}

export interface StackOptions {
  /** BENCH_SIM_FAIL for the whole run (rules with `*N` fail only the first N calls). */
  readonly benchFail?: string;
  /** Extra environment for the provisioning service only (e.g. POOL_SIZE for the warm pool). */
  readonly serviceEnv?: Readonly<Record<string, string>>;
  /** Extra environment for the web server only (e.g. WEB_TRUST_PROXY). */
  readonly webEnv?: Readonly<Record<string, string>>;
}

export interface Stack {
  readonly dir: string;
  readonly webPort: number;
  readonly apex: string;
  readonly tenantUrl: (subdomain: string) => string;
  readonly apiUrl: string;
  readonly apiSecret: string;
  readonly readModelUrl: string;
  readonly benchPath: string;
  readonly oidcIssuer: string;
  /**
   * Every mail the provisioning service sends (its SMTP_URL); links in them point at the web
   * (its WEB_URL is the web's NEXTAUTH_URL, the apex).
   */
  readonly mail: MailCatcher;
  readonly env: Record<string, string>;
  /** The web server's process id (to look at its sockets). */
  readonly webPid: number;
  /** Stops one process (e.g. `provisioning`, to show what people see when it is down). */
  stopProcess(name: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Marks the build as made by this Jest process: every spec file calls buildWeb, and with
 * --runInBand they share one process (but not module state, hence a file), so the second spec
 * reuses the first one's build instead of spending a minute of CI on the same build again.
 */
const BUILT_BY = join(WEB, NEXT_DIST_DIR, 'e2e-built-by');
function builtByThisProcess(): boolean {
  if (!existsSync(BUILT_BY) || !existsSync(join(WEB, NEXT_DIST_DIR, 'BUILD_ID'))) return false;
  // A pid can come back in a later run: the mark must also be younger than this process.
  const processStartedMs = Date.now() - process.uptime() * 1000;
  return statSync(BUILT_BY).mtimeMs >= processStartedMs - 1000 && readFileSync(BUILT_BY, 'utf8').trim() === String(process.pid);
}

/** `next build` once per run, before any server takes the two cores. */
export async function buildWeb(): Promise<void> {
  if (process.env.E2E_SKIP_NEXT_BUILD === '1' && existsSync(join(WEB, NEXT_DIST_DIR, 'BUILD_ID'))) return;
  if (builtByThisProcess()) return;
  await execa(process.execPath, [NEXT_BIN, 'build'], { cwd: WEB, env: { NEXT_TELEMETRY_DISABLED: '1', NEXT_DIST_DIR }, stdio: 'pipe', all: true }).catch((err: { all?: string }) => {
    throw new Error(`next build failed:\n${err.all ?? String(err)}`);
  });
  writeFileSync(BUILT_BY, String(process.pid));
}

export async function startStack(opts: StackOptions = {}): Promise<Stack> {
  const dir = mkdtempSync(join(tmpdir(), 'tlc-web-e2e-'));
  const [webPort, apiPort, oidcPort] = [await freePort(), await freePort(), await freePort()];
  const apex = `http://${ROOT_DOMAIN}:${webPort}`;
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const oidcIssuer = `http://127.0.0.1:${oidcPort}`;
  const apiSecret = randomBytes(24).toString('base64url');
  const benchPath = join(dir, 'bench');
  const readModelUrl = `sqlite:${join(dir, 'read-model.db')}`;
  const google = { id: 'e2e-web-client', secret: randomBytes(24).toString('base64url') };
  const mail = await startMailCatcher({ smtpPort: 0 });

  const env: Record<string, string> = {
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_DIST_DIR,
    LOG_LEVEL: 'warn',
    ROOT_DOMAIN,
    EVENT_STORE_URL: `sqlite:${join(dir, 'events.db')}`,
    KEY_STORE_URL: `sqlite:${join(dir, 'keys.db')}`,
    READ_MODEL_URL: readModelUrl,
    BENCH_PATH: benchPath,
    BENCH_BIN: join(ROOT, 'node_modules/.bin/bench-sim'),
    BENCH_SIM_FAIL: opts.benchFail ?? '',
    SITE_URL_TEMPLATE: `http://{subdomain}.${ROOT_DOMAIN}:${webPort}`,
    PROVISIONING_PORT: String(apiPort),
    PROVISIONING_URL: apiUrl,
    PROVISIONING_API_SECRET: apiSecret,
    SECRETS_KEY: randomBytes(32).toString('hex'),
    SCRYPT_LOG_N: '12',
    // The web passes each visitor's address on (X-Forwarded-For); the API trusts it from the
    // web's loopback address, as `npm start` sets up. The limits stay high: a spec makes many
    // signups from one browser.
    PROVISIONING_TRUST_PROXY: 'loopback',
    RATE_LIMIT_SIGNUPS_PER_MINUTE: '10000',
    RATE_LIMIT_CHECKS_PER_MINUTE: '10000',
    RATE_LIMIT_CREDENTIAL_CHECKS_PER_MINUTE: '10000',
    NEXTAUTH_URL: apex,
    NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
    GOOGLE_CLIENT_ID: google.id,
    GOOGLE_CLIENT_SECRET: google.secret,
    GOOGLE_WELL_KNOWN: `${oidcIssuer}/.well-known/openid-configuration`,
    GOOGLE_ISSUER: oidcIssuer,
    OIDC_PORT: String(oidcPort),
    OIDC_CLIENT_ID: google.id,
    OIDC_CLIENT_SECRET: google.secret,
    OIDC_REDIRECT_URI: `${apex}/api/auth/callback/google`,
  };

  const children: Array<{ name: string; proc: ResultPromise }> = [];
  const start = (name: string, args: string[], cwd = ROOT, extra: Readonly<Record<string, string>> = {}) => {
    const log = createWriteStream(join(dir, `${name}.log`));
    const proc = execa(process.execPath, args, { cwd, env: { ...env, ...extra }, extendEnv: true, reject: false, stdin: 'ignore', buffer: false, cleanup: true });
    proc.stdout?.pipe(log);
    proc.stderr?.pipe(log);
    children.push({ name, proc });
    return proc;
  };
  const stop = async () => {
    for (const c of children) if (c.proc.exitCode === null) c.proc.kill('SIGTERM');
    const timer = setTimeout(() => children.forEach((c) => c.proc.exitCode === null && c.proc.kill('SIGKILL')), 8000);
    await Promise.allSettled(children.map((c) => c.proc));
    clearTimeout(timer);
    await mail.close().catch(() => undefined);
    if (process.env.E2E_KEEP_DATA !== '1') rmSync(dir, { recursive: true, force: true });
  };
  // The outbox sends confirmation links (and notes to owners) to the catcher; only the service sends mail.
  const serviceEnv = { SMTP_URL: mail.smtpUrl, WEB_URL: apex, ...opts.serviceEnv };

  try {
    await execa(process.execPath, [BENCH_SIM, 'init', benchPath], { env: { ...process.env, BENCH_SIM_FAIL: '' } });
    const oidc = start('oidc', [join(WEB, 'e2e/support/oidc-server.mjs')]);
    const api = start('provisioning', [join(ROOT, 'services/provisioning/dist/main.js')], ROOT, serviceEnv);
    const projector = start('projector', [join(ROOT, 'projections/tenant-lookup/dist/main.js')]);
    await waitFor(`${apiUrl}/health`, {}, api, 'provisioning');
    await waitFor(`${oidcIssuer}/.well-known/openid-configuration`, {}, oidc, 'oidc');
    const web = start('web', [WEB_SERVER, '-p', String(webPort)], WEB, opts.webEnv);
    await waitFor(`http://127.0.0.1:${webPort}/`, { host: `${ROOT_DOMAIN}:${webPort}` }, web, 'web');
    if (projector.exitCode !== null) throw new Error('projector exited');
  } catch (err) {
    const logs = children.map((c) => `${c.name}: see ${join(dir, `${c.name}.log`)}`).join('\n');
    process.env.E2E_KEEP_DATA = '1';
    await stop();
    throw new Error(`${(err as Error).message}\n${logs}`);
  }

  const webPid = children.find((c) => c.name === 'web')?.proc.pid ?? 0;
  return {
    dir,
    webPort,
    apex,
    apiUrl,
    apiSecret,
    readModelUrl,
    benchPath,
    oidcIssuer,
    mail,
    env,
    webPid,
    tenantUrl: (subdomain) => `http://${subdomain}.${ROOT_DOMAIN}:${webPort}/`,
    async stopProcess(name) {
      const c = children.find((x) => x.name === name);
      if (!c || c.proc.exitCode !== null) return;
      c.proc.kill('SIGTERM');
      await c.proc;
    },
    stop,
  };
}
