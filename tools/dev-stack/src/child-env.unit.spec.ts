/**
 * Finding 8: under `npm start` each child gets only its own secrets, whatever the developer's
 * shell holds, and the stack's listen addresses cannot be moved off loopback by the shell.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childEnv, osEnv } from './child-env.js';
import { customServer, webCommand } from './web-command.js';

/** The stack's values as main.ts builds them, plus secrets a developer might have exported. */
const values = {
  EVENT_STORE_URL: 'sqlite:/d/events.db',
  READ_MODEL_URL: 'sqlite:/d/read-model.db',
  KEY_STORE_URL: 'sqlite:/d/keys.db',
  ROOT_DOMAIN: 'example.localhost',
  PROVISIONING_HOST: '127.0.0.1',
  PROVISIONING_PORT: '4000',
  PROVISIONING_URL: 'http://127.0.0.1:4000',
  BENCH_PATH: '/d/bench',
  BENCH_BIN: 'bench-sim',
  BENCH_SIM_LATENCY: 'new-site:3s',
  NEXTAUTH_URL: 'http://example.localhost:3000',
  PROVISIONING_API_SECRET: 'api-secret-value',
  SECRETS_KEY: 'secrets-key-value',
  NEXTAUTH_SECRET: 'nextauth-secret-value',
  HOST: '127.0.0.1',
  PORT: '3000',
};
const shell = {
  PATH: '/usr/bin',
  HOME: '/home/dev',
  HOSTNAME: 'devbox',
  LOG_LEVEL: 'debug',
  RATE_LIMIT_SIGNUPS_PER_MINUTE: '5',
  BENCH_DB_ROOT_PASSWORD: 'mariadb-root',
  MARIADB_ROOT_PASSWORD: 'mariadb-root',
  MONGO_ROOT_PASSWORD: 'mongo-root',
  KURRENTDB_ADMIN_PASSWORD: 'kurrent',
  GOOGLE_CLIENT_ID: 'gid',
  GOOGLE_CLIENT_SECRET: 'google-secret',
  SMTP_URL: 'smtp://u:p@127.0.0.1:2525',
  AWS_SECRET_ACCESS_KEY: 'unrelated',
  NPM_TOKEN: 'unrelated',
};
const SECRET_VALUES = ['api-secret-value', 'secrets-key-value', 'nextauth-secret-value', 'mariadb-root', 'mongo-root', 'kurrent', 'google-secret', 'smtp://u:p@127.0.0.1:2525', 'unrelated'];
const secretsIn = (env: Record<string, string>) => SECRET_VALUES.filter((s) => Object.values(env).includes(s));

describe('npm start: environment of each child', () => {
  it('gives the projector its two store URLs and no secret at all', () => {
    const env = childEnv('projector', values, shell);
    expect(env).toEqual({ PATH: '/usr/bin', HOME: '/home/dev', EVENT_STORE_URL: values.EVENT_STORE_URL, READ_MODEL_URL: values.READ_MODEL_URL });
    expect(secretsIn(env)).toEqual([]);
  });

  it("gives the web its session secret, the API secret it calls with and Google's, never SECRETS_KEY or a database password", () => {
    const env = childEnv('web', values, shell);
    expect(secretsIn(env).sort()).toEqual(['api-secret-value', 'google-secret', 'nextauth-secret-value']);
    expect(env).not.toHaveProperty('SECRETS_KEY');
    expect(env).not.toHaveProperty('KEY_STORE_URL');
    expect(env).not.toHaveProperty('BENCH_DB_ROOT_PASSWORD');
    expect(env).not.toHaveProperty('SMTP_URL');
    expect(env).toMatchObject({ NEXTAUTH_URL: values.NEXTAUTH_URL, PROVISIONING_URL: values.PROVISIONING_URL, GOOGLE_CLIENT_ID: 'gid', PORT: '3000' });
  });

  it("gives provisioning its own secrets and tuning (SMTP_URL included), nothing of the web's", () => {
    const env = childEnv('provisioning', values, shell);
    expect(secretsIn(env).sort()).toEqual(['api-secret-value', 'mariadb-root', 'secrets-key-value', 'smtp://u:p@127.0.0.1:2525']);
    expect(env).toMatchObject({ BENCH_DB_ROOT_PASSWORD: 'mariadb-root', LOG_LEVEL: 'debug', RATE_LIMIT_SIGNUPS_PER_MINUTE: '5', BENCH_SIM_LATENCY: 'new-site:3s' });
    expect(env).not.toHaveProperty('NEXTAUTH_SECRET');
    expect(env).not.toHaveProperty('GOOGLE_CLIENT_SECRET');
  });

  it("gives provisioning the mailbox's SMTP_URL and the web URL for links; the web, the projector and the mailbox get neither", () => {
    const stack = { ...values, SMTP_URL: 'smtp://127.0.0.1:1025', WEB_URL: 'http://example.localhost:3000' };
    const { SMTP_URL: _shellSmtp, ...shellWithoutSmtp } = shell;
    expect(childEnv('provisioning', stack, shellWithoutSmtp)).toMatchObject({ SMTP_URL: 'smtp://127.0.0.1:1025', WEB_URL: 'http://example.localhost:3000' });
    // A shell's SMTP_URL is what main.ts puts in the values then; either way only provisioning holds it.
    expect(childEnv('provisioning', { ...stack, SMTP_URL: shell.SMTP_URL }, shell).SMTP_URL).toBe(shell.SMTP_URL);
    for (const child of ['web', 'projector', 'mailbox'] as const) {
      const env = childEnv(child, stack, shell);
      expect(env).not.toHaveProperty('SMTP_URL');
      expect(env).not.toHaveProperty('WEB_URL');
    }
  });

  it("--google-stub: the OpenID stand-in gets its port and its one client, nothing else; the web gets that client as Google's", () => {
    const stub = {
      ...values,
      GOOGLE_CLIENT_ID: 'npm-start-google-stub',
      GOOGLE_CLIENT_SECRET: 'stub-client-secret',
      GOOGLE_WELL_KNOWN: 'http://127.0.0.1:9400/.well-known/openid-configuration',
      GOOGLE_ISSUER: 'http://127.0.0.1:9400',
      OIDC_PORT: '9400',
      OIDC_CLIENT_ID: 'npm-start-google-stub',
      OIDC_CLIENT_SECRET: 'stub-client-secret',
      OIDC_REDIRECT_URI: 'http://example.localhost:3000/api/auth/callback/google',
    };
    expect(childEnv('oidc', stub, shell)).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/dev',
      OIDC_PORT: '9400',
      OIDC_CLIENT_ID: 'npm-start-google-stub',
      OIDC_CLIENT_SECRET: 'stub-client-secret',
      OIDC_REDIRECT_URI: 'http://example.localhost:3000/api/auth/callback/google',
    });
    // The stack's stub client wins over a real Google client exported in the shell.
    expect(childEnv('web', stub, shell)).toMatchObject({
      GOOGLE_CLIENT_ID: 'npm-start-google-stub',
      GOOGLE_CLIENT_SECRET: 'stub-client-secret',
      GOOGLE_ISSUER: 'http://127.0.0.1:9400',
    });
    for (const child of ['provisioning', 'projector', 'mailbox'] as const) expect(Object.values(childEnv(child, stub, shell))).not.toContain('stub-client-secret');
  });

  it('gives the mail catcher no setting and no secret (its address and ports are arguments)', () => {
    expect(childEnv('mailbox', { ...values, SMTP_URL: 'smtp://127.0.0.1:1025' }, shell)).toEqual({ PATH: '/usr/bin', HOME: '/home/dev' });
  });

  it('keeps the listen addresses the stack chose, whatever the shell exports', () => {
    expect(childEnv('web', values, { ...shell, HOST: '0.0.0.0', PORT: '80' })).toMatchObject({ HOST: '127.0.0.1', PORT: '3000' });
    expect(childEnv('web', values, shell)).not.toHaveProperty('HOSTNAME');
    expect(childEnv('provisioning', values, { ...shell, PROVISIONING_HOST: '0.0.0.0' }).PROVISIONING_HOST).toBe('127.0.0.1');
  });

  it('builds the web app with no setting and no secret', () => {
    expect(osEnv({ ...shell, ...values })).toEqual({ PATH: '/usr/bin', HOME: '/home/dev' });
  });
});

describe('npm start: the web app listens on loopback only', () => {
  const root = mkdtempSync(join(tmpdir(), 'dev-stack-web-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  /** A checkout whose web/package.json starts the web with `start`, holding `files`. */
  const withStart = (start: string, files: string[] = []) => {
    const web = join(root, 'web');
    rmSync(web, { recursive: true, force: true });
    mkdirSync(web);
    writeFileSync(join(web, 'package.json'), JSON.stringify({ scripts: { start } }));
    for (const f of files) writeFileSync(join(web, f), '');
    return webCommand(root, '3100');
  };

  it('runs `next start -H 127.0.0.1` when the web has no custom server', () => {
    const cmd = withStart('next start');
    expect(cmd.args.slice(1)).toEqual(['start', '-H', '127.0.0.1', '-p', '3100']);
    expect(cmd.env).toMatchObject({ HOST: '127.0.0.1', PORT: '3100' });
  });

  it('runs the custom web/server.* that package.json starts, with -H 127.0.0.1 -p and HOST/PORT', () => {
    const cmd = withStart('node ./prod-server.js', ['prod-server.js', 'server.mjs']);
    expect(cmd.args).toEqual([join(root, 'web', './prod-server.js'), '-H', '127.0.0.1', '-p', '3100']);
    expect(cmd.env).toMatchObject({ HOST: '127.0.0.1', PORT: '3100', NODE_ENV: 'production' });
    expect(customServer('node --enable-source-maps ./server.js')).toBe('./server.js');
    expect(customServer('next start')).toBeUndefined();
  });

  it('runs web/server.mjs when there is one, even while package.json still says `next start`', () => {
    expect(withStart('next start', ['server.mjs']).args).toEqual([join(root, 'web', 'server.mjs'), '-H', '127.0.0.1', '-p', '3100']);
  });
});
