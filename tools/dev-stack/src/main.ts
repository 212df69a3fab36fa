/**
 * `npm start`: the whole product on its embedded defaults, for a newcomer's first look.
 * SQLite stores and a simulated bench under ./data, development secrets generated once,
 * the provisioning service (with its process manager), the tenant-lookup projector and the
 * web app as child processes, one banner, and Ctrl-C stopping everything cleanly.
 */
import { Command } from 'commander';
import { execa } from 'execa';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { childEnv, osEnv } from './child-env.js';
import { ChildGroup, waitForHttp } from './children.js';
import { loadOrCreateDevSecrets } from './dev-secrets.js';
import { banner } from './banner.js';
import { LOOPBACK, webCommand } from './web-command.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** Short, but shaped like real bench: new-site and install-app dominate. */
const DEV_LATENCY = 'new-site:3s,install-app:4s,add-system-manager:600ms,execute:300ms,set-config:200ms,setup:200ms,drop-site:1s';

const program = new Command()
  .name('npm start')
  .description('Run the tenant lifecycle service on its embedded defaults: SQLite stores and the bench simulator under the data folder, the provisioning API, the tenant-lookup projector and the web app.')
  .option('--data-dir <dir>', 'where the SQLite files, the simulated bench and the dev secrets live', process.env.DATA_DIR ?? join(ROOT, 'data'))
  .option('--web-port <port>', 'port of the web app', process.env.WEB_PORT ?? '3000')
  .option('--api-port <port>', 'port of the provisioning API', process.env.PROVISIONING_PORT ?? '4000')
  .addHelpText('after', '\nEverything runs on this machine; stop it with Ctrl-C. Data survives restarts; delete the data folder to start from scratch.\nFor production settings see docs/configuration.md and docs/operations.md.');

async function main(): Promise<void> {
  const opts = program.parse().opts<{ dataDir: string; webPort: string; apiPort: string }>();
  const dataDir = resolve(opts.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const { secrets, created, file: secretsFile } = loadOrCreateDevSecrets(dataDir);

  const rootDomain = process.env.ROOT_DOMAIN ?? 'example.localhost';
  const webUrl = `http://${rootDomain}:${opts.webPort}`;
  const apiUrl = `http://127.0.0.1:${opts.apiPort}`;
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
  };
  const web = webCommand(ROOT, opts.webPort);
  const envs = {
    provisioning: childEnv('provisioning', values, process.env),
    projector: childEnv('projector', values, process.env),
    web: childEnv('web', { ...values, ...web.env }, process.env),
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
    console.log(`\n${signal} received: stopping the provisioning service, the projector and the web app ...`);
    void group.stop().then(() => {
      console.log('Stopped. Your tenants are kept in', dataDir);
      process.exit(0);
    });
  };
  // `on`, not `once`: execa's signal-exit re-raises a signal that finds no other listener left.
  process.on('SIGINT', () => shutdown('Ctrl-C'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));

  group.start({ name: 'provisioning', file: process.execPath, args: [join(ROOT, 'services/provisioning/dist/main.js')], cwd: ROOT, env: envs.provisioning });
  group.start({ name: 'projector', file: process.execPath, args: [join(ROOT, 'projections/tenant-lookup/dist/main.js')], cwd: ROOT, env: envs.projector });
  group.start({ name: 'web', file: process.execPath, args: web.args, cwd: join(ROOT, 'web'), env: envs.web });

  try {
    await waitForHttp(`${apiUrl}/health`, {}, 60_000, () => dead);
    await waitForHttp(`http://${LOOPBACK}:${opts.webPort}/`, { host: `${rootDomain}:${opts.webPort}` }, 90_000, () => dead);
  } catch (err) {
    console.error(`\nThe stack did not come up: ${(err as Error).message}`);
    await group.stop();
    process.exit(1);
  }
  console.log(banner({ webUrl, apiUrl, env: values, dataDir, secretsFile, secretsCreated: created, simulated }));
}

main().catch((err: unknown) => {
  console.error(`npm start failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
