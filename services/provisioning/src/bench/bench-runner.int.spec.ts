/** The runner against the real simulator process: timeouts kill the tree, secrets never show. */
import { jest } from '@jest/globals';
import { startSimulatorDaemon, type SimulatorDaemon } from '@tlc/bench-simulator';
import { alive, makeBench, SIM_BIN, type TmpBench } from '../../../../tools/bench-simulator/src/test-support/sim.js';
import { BenchOperations } from './bench-operations.js';
import { allowedEnv, BenchRunner } from './bench-runner.js';
import { SpawnHost } from './spawn-host.js';
import { existsSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';

jest.setTimeout(120_000);
let b: TmpBench;
let bin: string;
beforeAll(async () => {
  b = await makeBench();
  // BENCH_BIN is one executable: a wrapper script stands in for `bench` on PATH.
  bin = join(b.root, '..', 'bench');
  writeFileSync(bin, `#!/bin/sh\nexec "${process.execPath}" "${SIM_BIN}" "$@"\n`);
  chmodSync(bin, 0o755);
});
afterAll(() => b.cleanup());

const runner = (env: NodeJS.ProcessEnv = {}) => new BenchRunner({ bin, path: b.root, env: { PATH: process.env.PATH, ...env, SECRET_TOKEN: 'nope' } });
it('creates a site, reports its database name and never shows the passwords', async () => {
  const ops = new BenchOperations(runner());
  const r = await ops.newSite({ site: 'one.test', adminPassword: 'Adm1n-Secret', root: { username: 'root', password: 'R00t-Secret' }, force: false }, 30_000);
  expect(r.ok).toBe(true);
  if (!r.ok) return;
  expect(r.value.dbName).toMatch(/^_[0-9a-f]{16}$/);
  // No password on the command line: the admin password goes to getpass on stdin, the root
  // password to common_site_config.json where bench reads it.
  expect(r.result.command).toEqual(['new-site', 'one.test', '--db-root-username', 'root', '--mariadb-user-host-login-scope=%']);
  expect(JSON.parse(readFileSync(join(b.root, 'sites/common_site_config.json'), 'utf8')).root_password).toBe('R00t-Secret');
  const log = readFileSync(join(b.root, 'logs/bench-sim.jsonl'), 'utf8');
  expect(log).not.toContain('Adm1n-Secret');
  expect(log).not.toContain('R00t-Secret');
});

it('classifies a held lock as transient and a second new-site as permanent, with stderr tails', async () => {
  const ops = new BenchOperations(runner({ BENCH_SIM_FAIL: 'install-app:erpnext=lock' }));
  const lock = await ops.installApp('one.test', 'erpnext', 30_000);
  expect(lock.ok).toBe(false);
  if (!lock.ok) expect([lock.result.classification, lock.result.stdoutTail]).toEqual(['transient', expect.stringContaining('Failed to aquire lock')]);
  const again = await ops.newSite({ site: 'one.test', adminPassword: 'Adm1n-Secret', root: { username: 'root' }, force: false }, 30_000);
  expect(again.ok).toBe(false);
  if (!again.ok) expect([again.result.classification, again.result.exitCode, again.result.stdoutTail]).toEqual(['permanent', 1, 'Site one.test already exists']);
});

it('issues API keys: the key stays, the secret changes', async () => {
  const ops = new BenchOperations(runner());
  const a = await ops.generateApiKeys('one.test', 'Administrator', 30_000);
  const c = await ops.generateApiKeys('one.test', 'Administrator', 30_000);
  expect(a.ok && c.ok).toBe(true);
  if (a.ok && c.ok) {
    expect(c.value.apiKey).toBe(a.value.apiKey);
    expect(c.value.apiSecret).not.toBe(a.value.apiSecret);
  }
});

it('a bench that prints an API secret and then fails does not carry the secret into the reason or the tails', async () => {
  // Stands in for bench dying after generate_keys printed its answer.
  const crashing = join(b.root, '..', 'bench-crashes-after-print');
  writeFileSync(crashing, '#!/bin/sh\necho \'{"api_secret": "s3cr3tABCDEFGHI"}\'\nexit 1\n');
  chmodSync(crashing, 0o755);
  const ops = new BenchOperations(new BenchRunner({ bin: crashing, path: b.root, env: { PATH: process.env.PATH } }));
  const r = await ops.rotateApiSecret('one.test', 'Administrator', 30_000);
  expect(r.ok).toBe(false);
  expect(JSON.stringify(r.result)).not.toContain('s3cr3tABCDEFGHI');
  // The last line of output is what the reason quotes: here the secret's line, masked.
  if (!r.ok) expect([r.result.reason, r.result.stdoutTail]).toEqual(['bench exited with code 1: {"api_secret": "***"}', '{"api_secret": "***"}']);
});

it('kills the whole process tree when a step hangs past its timeout', async () => {
  const ops = new BenchOperations(runner({ BENCH_SIM_HANG: 'set-config' }));
  const r = await ops.setHostName('one.test', 'one.test', 3000);
  expect(r.ok).toBe(false);
  if (!r.ok) expect([r.result.classification, r.result.timedOut]).toEqual(['timeout', true]);
  const hang = readFileSync(join(b.root, 'logs/bench-sim.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l))
    .filter((l) => l.event === 'hang')
    .pop();
  expect(hang).toBeDefined();
  for (let i = 0; i < 30 && (alive(hang.pid) || alive(hang.childPid)); i++) await new Promise((res) => setTimeout(res, 100));
  expect([alive(hang.pid), alive(hang.childPid)]).toEqual([false, false]);
});

it('passes only allow-listed variables to bench', () => {
  const env = allowedEnv({ PATH: '/bin', SECRETS_KEY: 'x', BENCH_SIM_LATENCY: '1ms', DATABASE_URL: 'y', HOME: '/root' });
  expect(env).toEqual({ PATH: '/bin', BENCH_SIM_LATENCY: '1ms', HOME: '/root' });
});

it('refuses values that could be read as options', async () => {
  const ops = new BenchOperations(runner());
  await expect(ops.installApp('--help', 'erpnext', 1000)).rejects.toThrow('Invalid site');
  await expect(ops.addSystemManager('one.test', '-x@y.z', 'pw', 1000)).rejects.toThrow('Invalid email');
  // A password may start with a dash: it travels as --password=VALUE.
  const site = await ops.newSite({ site: 'dash.test', adminPassword: '-starts-with-dash', root: { username: 'root' }, force: false }, 30_000);
  expect(site.ok).toBe(true);
});

describe('through the simulator daemon (bin = bench-sim-client)', () => {
  let daemon: SimulatorDaemon;
  beforeAll(async () => {
    daemon = await startSimulatorDaemon();
  });
  afterAll(async () => {
    await daemon.stop();
  });
  // BENCH_SIM_SOCKET travels through the runner's env allow-list (the BENCH_SIM_ prefix).
  const viaDaemon = (env: NodeJS.ProcessEnv = {}) => new BenchRunner({ bin: daemon.clientBin, path: b.root, env: { PATH: process.env.PATH, BENCH_SIM_SOCKET: daemon.socketPath, ...env } });
  const logLines = () =>
    readFileSync(join(b.root, 'logs/bench-sim.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));

  it('runs a command through the client and the daemon', async () => {
    const ops = new BenchOperations(viaDaemon());
    const r = await ops.setHostName('one.test', 'daemon.one.test', 30_000);
    expect(r.ok).toBe(true);
    expect(JSON.parse(readFileSync(join(b.root, 'sites/one.test/site_config.json'), 'utf8')).host_name).toBe('daemon.one.test');
    const last = logLines().pop();
    expect(last).toMatchObject({ event: 'exit', command: 'set-config', exitCode: 0, cwd: b.root });
    // The logged pid is the client's, which has exited: a process of its own, not the daemon.
    expect(alive(last.pid)).toBe(false);
  });

  it('times out a hang by killing the client process group; the daemon lives on', async () => {
    const r = await new BenchOperations(viaDaemon({ BENCH_SIM_HANG: 'install-app' })).installApp('one.test', 'erpnext', 3000);
    expect(r.ok).toBe(false);
    if (!r.ok) expect([r.result.classification, r.result.timedOut]).toEqual(['timeout', true]);
    const hang = logLines()
      .filter((l) => l.event === 'hang')
      .pop();
    expect(hang).toMatchObject({ command: 'install-app', childPid: expect.any(Number) });
    for (let i = 0; i < 30 && (alive(hang.pid) || alive(hang.childPid)); i++) await new Promise((res) => setTimeout(res, 100));
    expect([alive(hang.pid), alive(hang.childPid)]).toEqual([false, false]);
    // The daemon let the abandoned invocation's lock go and still answers.
    // The simulator's owner pid file: the visible sites/one.test/locks/install_app.lock stays, as in v15.
    const lock = join(b.root, 'logs/bench-sim-locks/one.test/install_app.lock');
    for (let i = 0; i < 30 && existsSync(lock); i++) await new Promise((res) => setTimeout(res, 100));
    expect(existsSync(lock)).toBe(false);
    const again = await new BenchOperations(viaDaemon()).installApp('one.test', 'erpnext', 30_000);
    expect(again.ok).toBe(true);
  });
});

describe('through the spawn host (the service as built starts bench from a small helper process)', () => {
  // The compiled host: the specs run the TypeScript sources, the service runs dist.
  const script = join(process.cwd(), 'services/provisioning/dist/bench/spawn-host-main.js');
  let host: SpawnHost;
  beforeAll(() => {
    host = new SpawnHost(script);
  });
  afterAll(() => host.close());
  const hosted = (env: NodeJS.ProcessEnv = {}) => new BenchRunner({ bin, path: b.root, env: { PATH: process.env.PATH, ...env }, spawner: (req) => host.run(req) });

  it('runs bench and returns its output and exit code', async () => {
    expect(existsSync(script)).toBe(true);
    const ok = await hosted().run(['--site', 'one.test', 'set-config', 'hosted', 'yes'], { timeoutMs: 30_000 });
    expect(ok.ok).toBe(true);
    expect(JSON.parse(readFileSync(join(b.root, 'sites/one.test/site_config.json'), 'utf8')).hosted).toBe('yes');
    const bad = await hosted().run(['--site', 'one.test', 'no-such-command'], { timeoutMs: 30_000 });
    expect([bad.ok, bad.exitCode]).toEqual([false, 2]);
  });

  it('kills the whole process tree of a hang past its timeout', async () => {
    const r = await new BenchOperations(hosted({ BENCH_SIM_HANG: 'set-config' })).setHostName('one.test', 'https://t.example', 1500);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.result).toMatchObject({ timedOut: true, classification: 'timeout' });
    const hang = readFileSync(join(b.root, 'logs/bench-sim.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .filter((l) => l.event === 'hang')
      .pop();
    for (let i = 0; i < 30 && (alive(hang.pid) || alive(hang.childPid)); i++) await new Promise((res) => setTimeout(res, 100));
    expect([alive(hang.pid), alive(hang.childPid)]).toEqual([false, false]);
  });

  it('a host that dies ends the benches it started and fails their commands as transient; the next command gets a new host', async () => {
    const slow = hosted({ BENCH_SIM_LATENCY: 'set-config:2s' }).run(['--site', 'one.test', 'set-config', 'slow', '1'], { timeoutMs: 30_000 });
    await new Promise((r) => setTimeout(r, 300));
    const pid = host.pid;
    process.kill(pid!, 'SIGKILL');
    const failed = await slow;
    expect(failed.ok).toBe(false);
    if (failed.ok) return;
    expect(failed.reason).toContain('spawn host stopped');
    expect(failed.classification).toBe('transient');
    // The orphaned bench was ended with its host: it never wrote its change.
    await new Promise((r) => setTimeout(r, 2500));
    expect(JSON.parse(readFileSync(join(b.root, 'sites/one.test/site_config.json'), 'utf8')).slow).toBeUndefined();
    expect((await hosted().run(['--site', 'one.test', 'set-config', 'after', '1'], { timeoutMs: 30_000 })).ok).toBe(true);
    expect(host.pid).not.toBe(pid);
  });

  it('leaves when its parent is killed', async () => {
    const dist = join(process.cwd(), 'services/provisioning/dist/bench/spawn-host.js');
    const parent = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `
      const { SpawnHost } = await import(${JSON.stringify(dist)});
      const host = new SpawnHost(${JSON.stringify(script)}).warm();
      console.log(host.pid);
      setInterval(() => {}, 1000);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const pid = Number(await new Promise<string>((res) => parent.stdout.once('data', (d: Buffer) => res(d.toString()))));
    expect(alive(pid)).toBe(true);
    parent.kill('SIGKILL');
    for (let i = 0; i < 50 && alive(pid); i++) await new Promise((res) => setTimeout(res, 100));
    expect(alive(pid)).toBe(false);
  });

  it('ignores the Ctrl-C that reaches its process group, and leaves when its parent disconnects', async () => {
    expect((await hosted().run(['--site', 'one.test', 'set-config', 'warm', '1'], { timeoutMs: 30_000 })).ok).toBe(true);
    const pid = host.pid;
    if (pid === undefined) throw new Error('the spawn host did not start');
    process.kill(pid, 'SIGINT');
    expect((await hosted().run(['--site', 'one.test', 'set-config', 'after-int', '1'], { timeoutMs: 30_000 })).ok).toBe(true);
    expect(host.pid).toBe(pid);
    await host.close();
    expect(alive(pid)).toBe(false);
  });
});
