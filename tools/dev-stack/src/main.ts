/**
 * `npm start`: the whole product on its embedded defaults, for a newcomer's first look.
 * SQLite stores and a simulated bench under ./data, development secrets generated once,
 * the provisioning service (with its process manager), the tenant-lookup projector, the
 * web app and a local mailbox (tools/mail-catcher, unless SMTP_URL is set in the shell) as child
 * processes, one banner, and Ctrl-C stopping everything cleanly. Every port is checked before
 * anything starts, and the banner lists only the pages that answered.
 */
import { Command } from 'commander';
import { execa } from 'execa';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { childEnv, osEnv } from './child-env.js';
import { ChildGroup, answers, waitForHttp } from './children.js';
import { loadOrCreateDevSecrets } from './dev-secrets.js';
import { banner } from './banner.js';
import { portProblems, type PortClaim } from './ports.js';
import { LOOPBACK, webCommand } from './web-command.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** Short, but shaped like real bench: new-site and install-app dominate. */
const DEV_LATENCY = 'new-site:3s,install-app:4s,add-system-manager:600ms,execute:300ms,set-config:200ms,setup:200ms,drop-site:1s';

const program = new Command()
  .name('npm start')
  .description(
    'Run the tenant lifecycle service on its embedded defaults: SQLite stores and the bench simulator under the data folder, the provisioning API, the tenant-lookup projector, the web app and a local mailbox for the email it sends (unless SMTP_URL is set).',
  )
  .option('--data-dir <dir>', 'where the SQLite files, the simulated bench and the dev secrets live', process.env.DATA_DIR ?? join(ROOT, 'data'))
  .option('--web-port <port>', 'port of the web app', process.env.WEB_PORT ?? '3000')
  .option('--api-port <port>', 'port of the provisioning API', process.env.PROVISIONING_PORT ?? '4000')
  .option('--smtp-port <port>', 'SMTP port of the local mailbox (not started when SMTP_URL is set)', process.env.SMTP_PORT ?? '1025')
  .option('--mailbox-port <port>', "port of the local mailbox's web page", process.env.MAILBOX_PORT ?? '1080')
  .option('--google-stub', 'run a local OpenID provider standing in for Google, so "Continue with Google" works offline (any email, any password)', process.env.GOOGLE_STUB === '1')
  .option('--oidc-port <port>', 'port of the local OpenID provider (with --google-stub)', process.env.OIDC_PORT ?? '9400')
  .addHelpText(
    'after',
    '\nEverything runs on this machine; stop it with Ctrl-C. Data survives restarts; delete the data folder to start from scratch.\nFor production settings see docs/configuration.md and docs/operations.md.',
  );

async function main(): Promise<void> {
  const opts = program.parse().opts<{ dataDir: string; webPort: string; apiPort: string; smtpPort: string; mailboxPort: string; googleStub: boolean; oidcPort: string }>();
  const oidcServer = join(ROOT, 'web/e2e/support/oidc-server.mjs');
  if (opts.googleStub && !existsSync(oidcServer)) throw new Error(`${oidcServer} is missing: --google-stub needs the web's OpenID stand-in.`);
  // A colleague's SMTP_URL (a real relay, their own catcher) replaces the local mailbox.
  const shellSmtpUrl = process.env.SMTP_URL?.trim() || undefined;
  const mailCatcher = join(ROOT, 'tools/mail-catcher/dist/main.js');
  if (!shellSmtpUrl && !existsSync(mailCatcher)) throw new Error(`${mailCatcher} is missing: run \`npm run build\` (npm start does) first.`);

  // Refuse before anything starts (or builds) when a port is taken, naming the variable.
  const claims: PortClaim[] = [
    { variable: 'WEB_PORT', option: '--web-port', port: opts.webPort },
    { variable: 'PROVISIONING_PORT', option: '--api-port', port: opts.apiPort },
    ...(shellSmtpUrl
      ? []
      : [
          { variable: 'SMTP_PORT', option: '--smtp-port', port: opts.smtpPort },
          { variable: 'MAILBOX_PORT', option: '--mailbox-port', port: opts.mailboxPort },
        ]),
    ...(opts.googleStub ? [{ variable: 'OIDC_PORT', option: '--oidc-port', port: opts.oidcPort }] : []),
  ];
  const taken = await portProblems(LOOPBACK, claims);
  if (taken.length > 0) {
    console.error(`npm start cannot start:\n${taken.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(1);
  }

  const dataDir = resolve(opts.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const { secrets, created, file: secretsFile } = loadOrCreateDevSecrets(dataDir);

  const rootDomain = process.env.ROOT_DOMAIN ?? 'example.localhost';
  const webUrl = `http://${rootDomain}:${opts.webPort}`;
  const apiUrl = `http://127.0.0.1:${opts.apiPort}`;
  const mailboxUrl = shellSmtpUrl ? undefined : `http://${LOOPBACK}:${opts.mailboxPort}`;
  const benchPath = process.env.BENCH_PATH ?? join(dataDir, 'bench');
  const benchSim = join(ROOT, 'node_modules', '.bin', 'bench-sim');
  const benchBin = process.env.BENCH_BIN ?? benchSim;
  const simulated = benchBin === benchSim;

  // Every setting of the stack; each child receives only its own share (child-env.ts).
  const values: Record<string, string> = {
    EVENT_STORE_URL: process.env.EVENT_STORE_URL ?? `sqlite:${join(dataDir, 'events.db')}`,
    READ_MODEL_URL: process.env.READ_MODEL_URL ?? `sqlite:${join(dataDir, 'read-model.db')}`,
    KEY_STORE_URL: process.env.KEY_STORE_URL ?? `sqlite:${join(dataDir, 'keys.db')}`,
    BENCH_PATH: benchPath,
    BENCH_BIN: benchBin,
    BENCH_SIM_LATENCY: process.env.BENCH_SIM_LATENCY ?? DEV_LATENCY,
    ROOT_DOMAIN: rootDomain,
    PROVISIONING_HOST: LOOPBACK,
    PROVISIONING_PORT: opts.apiPort,
    PROVISIONING_URL: apiUrl,
    // The web app calls the API for every visitor and names the visitor in X-Forwarded-For;
    // trusting it from loopback makes the per-IP rate limits count visitors, not the web app.
    PROVISIONING_TRUST_PROXY: process.env.PROVISIONING_TRUST_PROXY ?? 'loopback',
    SITE_URL_TEMPLATE: process.env.SITE_URL_TEMPLATE ?? `http://{subdomain}.${rootDomain}:${opts.webPort}`,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? webUrl,
    PROVISIONING_API_SECRET: process.env.PROVISIONING_API_SECRET ?? secrets.PROVISIONING_API_SECRET,
    SECRETS_KEY: process.env.SECRETS_KEY ?? secrets.SECRETS_KEY,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? secrets.NEXTAUTH_SECRET,
    // The outbox sends verification links and notices to the local mailbox (or the shell's SMTP_URL).
    SMTP_URL: shellSmtpUrl ?? `smtp://${LOOPBACK}:${opts.smtpPort}`,
    // Links in emails point at the web app as this stack serves it.
    WEB_URL: process.env.WEB_URL ?? webUrl,
  };
  // --google-stub: the web's Google provider points at the local OpenID provider, with a client
  // made up for this run (it is the stand-in's only client; nothing of real Google is used).
  const oidcUrl = opts.googleStub ? `http://${LOOPBACK}:${opts.oidcPort}` : undefined;
  if (oidcUrl) {
    const client = { id: 'npm-start-google-stub', secret: randomBytes(24).toString('base64url') };
    Object.assign(values, {
      GOOGLE_CLIENT_ID: client.id,
      GOOGLE_CLIENT_SECRET: client.secret,
      GOOGLE_WELL_KNOWN: `${oidcUrl}/.well-known/openid-configuration`,
      GOOGLE_ISSUER: oidcUrl,
      OIDC_PORT: opts.oidcPort,
      OIDC_CLIENT_ID: client.id,
      OIDC_CLIENT_SECRET: client.secret,
      OIDC_REDIRECT_URI: `${values.NEXTAUTH_URL}/api/auth/callback/google`,
    });
  }
  const web = webCommand(ROOT, opts.webPort);
  const envs = {
    provisioning: childEnv('provisioning', values, process.env),
    projector: childEnv('projector', values, process.env),
    web: childEnv('web', { ...values, ...web.env }, process.env),
    mailbox: childEnv('mailbox', values, process.env),
    oidc: childEnv('oidc', values, process.env),
  };

  if (simulated && !existsSync(join(benchPath, 'sites'))) {
    console.log(`Creating a simulated frappe-bench in ${benchPath} ...`);
    await execa(process.execPath, [join(ROOT, 'tools/bench-simulator/bin/bench-sim.js'), 'init', benchPath], { stdio: 'inherit' });
  }
  if (!existsSync(join(ROOT, 'web/.next/BUILD_ID'))) {
    console.log('Building the web app once (about a minute on two cores) ...');
    await execa(process.execPath, [join(ROOT, 'node_modules/next/dist/bin/next'), 'build'], { cwd: join(ROOT, 'web'), stdio: 'inherit', env: osEnv(process.env), extendEnv: false });
  }

  let dead = false;
  const group = new ChildGroup((name, code) => {
    dead = true;
    console.error(`\n${name} exited unexpectedly (exit code ${code ?? 'none'}); stopping the stack.`);
    void group.stop().then(() => process.exit(1));
  });
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal} received: stopping the provisioning service, the projector, the web app${mailboxUrl ? ', the mailbox' : ''}${oidcUrl ? ', the Google stand-in' : ''} ...`);
    void group.stop().then(() => {
      console.log('Stopped. Your tenants are kept in', dataDir);
      process.exit(0);
    });
  };
  // `on`, not `once`: execa's signal-exit re-raises a signal that finds no other listener left.
  process.on('SIGINT', () => shutdown('Ctrl-C'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));

  // The mailbox first, so the outbox finds it at its first message (it would retry anyway).
  if (oidcUrl) group.start({ name: 'google-stub', file: process.execPath, args: [oidcServer], cwd: ROOT, env: envs.oidc });
  if (mailboxUrl)
    group.start({ name: 'mailbox', file: process.execPath, args: [mailCatcher, '--host', LOOPBACK, '--smtp-port', opts.smtpPort, '--http-port', opts.mailboxPort], cwd: ROOT, env: envs.mailbox });
  group.start({ name: 'provisioning', file: process.execPath, args: [join(ROOT, 'services/provisioning/dist/main.js')], cwd: ROOT, env: envs.provisioning });
  group.start({ name: 'projector', file: process.execPath, args: [join(ROOT, 'projections/tenant-lookup/dist/main.js')], cwd: ROOT, env: envs.projector });
  group.start({ name: 'web', file: process.execPath, args: web.args, cwd: join(ROOT, 'web'), env: envs.web });

  try {
    await waitForHttp(`${apiUrl}/health`, {}, 60_000, () => dead);
    await waitForHttp(`http://${LOOPBACK}:${opts.webPort}/`, { host: `${rootDomain}:${opts.webPort}` }, 90_000, () => dead);
    if (mailboxUrl) await waitForHttp(`${mailboxUrl}/`, {}, 30_000, () => dead);
    if (oidcUrl) await waitForHttp(`${oidcUrl}/.well-known/openid-configuration`, {}, 30_000, () => dead);
  } catch (err) {
    console.error(`\nThe stack did not come up: ${(err as Error).message}`);
    await group.stop();
    process.exit(1);
  }
  // Only pages that answer go into the banner.
  const webHost = { host: `${rootDomain}:${opts.webPort}` };
  const [signup, docs, health, metrics] = await Promise.all([
    answers(`http://${LOOPBACK}:${opts.webPort}/signup`, webHost),
    answers(`${apiUrl}/docs`, {}),
    answers(`${apiUrl}/health`, {}),
    answers(`${apiUrl}/metrics`, {}),
  ]);
  console.log(banner({ webUrl, apiUrl, mailboxUrl, env: values, dataDir, secretsFile, secretsCreated: created, simulated, answering: { signup, docs, health, metrics }, googleStubUrl: oidcUrl }));
}

main().catch((err: unknown) => {
  console.error(`npm start failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
