/**
 * The smoke test of issue 7: `npm start`'s stack on an empty data folder, a signup through the
 * HTTP API until Active, Ctrl-C, a second start on the same folder, and the tenant is still
 * there and still Active (in the event store and in the read model). Also finding 8 of the
 * 2026-12 attack run, on the real processes: each child holds only its own secrets, and the API
 * and the web listen on loopback only.
 */
import { execa, type ResultPromise } from 'execa';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { descendants, hasProcfs, listenAddresses } from './test-support/procfs.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const MAIN = join(ROOT, 'tools/dev-stack/dist/main.js');

const freePort = () =>
  new Promise<number>((ok, fail) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
    srv.on('error', fail);
  });

interface Stack {
  proc: ResultPromise;
  output: () => string;
}

async function startStack(dataDir: string, apiPort: number, webPort: number, extra: readonly string[] = []): Promise<Stack> {
  let out = '';
  const proc = execa(process.execPath, [MAIN, '--data-dir', dataDir, '--api-port', String(apiPort), '--web-port', String(webPort), ...extra], {
    reject: false,
    buffer: false,
    // Secrets in the developer's shell must not spread to children that do not read them.
    env: { BENCH_SIM_LATENCY: 'new-site:100ms,install-app:100ms', BENCH_DB_ROOT_PASSWORD: 'shell-mariadb-root', HOST: '0.0.0.0' },
  });
  const seen = new Promise<void>((ok, fail) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Tenant lifecycle service is running')) ok();
    };
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', onData);
    void proc.then(() => fail(new Error(`the stack exited before it was ready:\n${out.slice(-4000)}`)));
  });
  await seen;
  return { proc, output: () => out };
}

async function stopStack(stack: Stack): Promise<number | undefined> {
  stack.proc.kill('SIGINT');
  const result = await stack.proc;
  return result.exitCode;
}

/** Each child's environment as the kernel holds it, and the listening sockets of both servers. */
function expectSecretsAndBindings(root: number, apiPort: number, webPort: number): void {
  const procs = descendants(root).filter((p) => p.cmdline.startsWith(process.execPath) || p.cmdline.startsWith('node'));
  const of = (match: RegExp) => procs.filter((p) => match.test(p.cmdline));
  const provisioning = of(/services\/provisioning\/dist\/main\.js/);
  const projector = of(/projections\/tenant-lookup\/dist\/main\.js/);
  const web = of(/next|web\/server\./).filter((p) => !provisioning.includes(p));
  expect([provisioning.length, projector.length]).toEqual([1, 1]);
  expect(web.length).toBeGreaterThanOrEqual(1);
  const keys = (ps: typeof procs) => new Set(ps.flatMap((p) => Object.keys(p.env)));
  expect([...keys(provisioning)]).toEqual(expect.arrayContaining(['SECRETS_KEY', 'PROVISIONING_API_SECRET', 'BENCH_DB_ROOT_PASSWORD']));
  for (const secret of ['SECRETS_KEY', 'PROVISIONING_API_SECRET', 'NEXTAUTH_SECRET', 'KEY_STORE_URL', 'BENCH_DB_ROOT_PASSWORD']) expect(keys(projector)).not.toContain(secret);
  for (const secret of ['SECRETS_KEY', 'KEY_STORE_URL', 'BENCH_DB_ROOT_PASSWORD']) expect(keys(web)).not.toContain(secret);
  expect([...keys(web)]).toEqual(expect.arrayContaining(['NEXTAUTH_SECRET', 'PROVISIONING_API_SECRET']));
  expect(provisioning[0].env).not.toHaveProperty('NEXTAUTH_SECRET');
  // Loopback only: nothing listens on 0.0.0.0 or :: for either port (the shell's HOST=0.0.0.0 is ignored).
  expect(listenAddresses(apiPort)).toEqual(['127.0.0.1']);
  expect(listenAddresses(webPort)).toEqual(['127.0.0.1']);
}

describe('npm start (embedded stack)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tlc-smoke-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('provisions a tenant to Active and finds it again after a restart', async () => {
    const apiPort = await freePort();
    const webPort = await freePort();
    const api = `http://127.0.0.1:${apiPort}`;
    let stack = await startStack(dataDir, apiPort, webPort);
    expect(stack.output()).toMatch(/Event store\s+sqlite:/);
    expect(stack.output()).toMatch(/Bench\s+simulator/);
    if (hasProcfs()) expectSecretsAndBindings(stack.proc.pid!, apiPort, webPort);
    else console.log('dev-stack e2e: no /proc here; per-process environments and listen addresses not checked on the live processes (child-env.unit.spec.ts covers the builder)');

    const { PROVISIONING_API_SECRET: secret } = JSON.parse(readFileSync(join(dataDir, 'dev-secrets.json'), 'utf8'));
    const auth = { authorization: `Bearer ${secret}` };
    const subdomain = `smoke${Date.now().toString(36)}`;
    const res = await fetch(`${api}/v1/tenants`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({ organization: 'Smoke Test Ltd', subdomain, adminEmail: `${subdomain}@example.org`, adminPassword: 'correct horse battery' }),
    });
    expect(res.status).toBe(202);
    const { tenantId } = (await res.json()) as { tenantId: string };

    const statusOf = async () => ((await (await fetch(`${api}/v1/tenants/${tenantId}`, { headers: auth })).json()) as { status: string }).status;
    const deadline = Date.now() + 120_000;
    let status = await statusOf();
    while (status !== 'Active' && Date.now() < deadline) {
      expect(['Requested', 'Provisioning']).toContain(status);
      await new Promise((r) => setTimeout(r, 250));
      status = await statusOf();
    }
    expect(status).toBe('Active');
    expect(await stopStack(stack)).toBe(0);

    stack = await startStack(dataDir, apiPort, webPort);
    try {
      expect(stack.output()).toMatch(/Dev secrets .*reused/);
      expect(await statusOf()).toBe('Active');
      // The read model (a separate projector process) also still knows the tenant.
      const lookupDeadline = Date.now() + 30_000;
      let found: { tenantId?: string; status?: string } = {};
      while (Date.now() < lookupDeadline) {
        const r = await fetch(`${api}/v1/lookup?subdomain=${subdomain}`, { headers: auth });
        if (r.status === 200) {
          found = (await r.json()) as typeof found;
          if (found.status === 'Active') break;
        }
        await new Promise((r2) => setTimeout(r2, 250));
      }
      expect(found).toMatchObject({ tenantId, status: 'Active' });
    } finally {
      expect(await stopStack(stack)).toBe(0);
    }
  });

  it("--google-stub runs a local OpenID provider and points the web's Google sign-in at it", async () => {
    const [apiPort, webPort, smtpPort, mailboxPort, oidcPort] = [await freePort(), await freePort(), await freePort(), await freePort(), await freePort()];
    const stubDir = mkdtempSync(join(tmpdir(), 'tlc-smoke-google-'));
    const stack = await startStack(stubDir, apiPort, webPort, ['--smtp-port', String(smtpPort), '--mailbox-port', String(mailboxPort), '--google-stub', '--oidc-port', String(oidcPort)]);
    try {
      const issuer = `http://127.0.0.1:${oidcPort}`;
      expect(stack.output()).toContain(`Google sign-in   local stand-in at ${issuer}`);
      const discovery = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as { issuer: string };
      expect(discovery.issuer).toBe(issuer);
      // The web offers Google, and its sign-in starts at the stand-in.
      // node:http, not fetch: fetch does not send a Host header of our choosing.
      const providers = JSON.parse(
        await new Promise<string>((ok, fail) => {
          httpGet({ host: '127.0.0.1', port: webPort, path: '/api/auth/providers', headers: { host: `example.localhost:${webPort}` } }, (res) => {
            let body = '';
            res.on('data', (c: Buffer) => {
              body += c.toString();
            });
            res.on('end', () => ok(body));
          }).on('error', fail);
        }),
      ) as Record<string, { signinUrl?: string }>;
      expect(Object.keys(providers)).toContain('google');
      if (hasProcfs()) {
        const procs = descendants(stack.proc.pid!);
        const stub = procs.filter((p) => /oidc-server\.mjs/.test(p.cmdline));
        expect(stub).toHaveLength(1);
        expect(
          Object.keys(stub[0].env)
            .filter((k) => !['PATH', 'HOME', 'USER', 'LOGNAME', 'LANG', 'LC_ALL', 'LC_CTYPE', 'TZ', 'TMPDIR', 'TERM', 'NODE_EXTRA_CA_CERTS'].includes(k))
            .sort(),
        ).toEqual(['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_PORT', 'OIDC_REDIRECT_URI']);
        const web = procs.filter((p) => /next|web\/server\./.test(p.cmdline) && p.env.GOOGLE_ISSUER !== undefined);
        expect(web.length).toBeGreaterThanOrEqual(1);
        expect(web[0].env).toMatchObject({ GOOGLE_ISSUER: issuer, GOOGLE_CLIENT_SECRET: stub[0].env.OIDC_CLIENT_SECRET });
        expect(listenAddresses(oidcPort)).toEqual(['127.0.0.1']);
      }
    } finally {
      expect(await stopStack(stack)).toBe(0);
      rmSync(stubDir, { recursive: true, force: true });
    }
  });
});
