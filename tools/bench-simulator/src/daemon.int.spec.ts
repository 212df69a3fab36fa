/**
 * Daemon mode through the real compiled client and a real daemon process: the same outputs,
 * exit codes and log as process mode, and a killed client abandons its invocation without
 * taking the daemon down or leaving its lock behind.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { startSimulatorDaemon } from './daemon.js';
import { alive, makeBench, type TmpBench } from './test-support/sim.js';
import { CLIENT_BIN, runClient, startDaemonProcess, type DaemonProcess } from './test-support/daemon.js';

jest.setTimeout(120_000);

let daemon: DaemonProcess;
let parent: string;
let root: string;
beforeAll(async () => {
  daemon = await startDaemonProcess();
});
afterAll(async () => {
  await daemon.stop();
});
beforeEach(async () => {
  parent = mkdtempSync(join(tmpdir(), 'bench-simd-bench-'));
  root = join(parent, 'frappe-bench');
  const init = await runClient(daemon.socketPath, parent, ['init', root]).result;
  expect([init.exitCode, init.stdout]).toEqual([0, `SUCCESS: Bench ${root} initialized`]);
});
afterEach(() => rmSync(parent, { recursive: true, force: true }));

const run = (args: string[], env: Record<string, string> = {}) => runClient(daemon.socketPath, root, args, env);
type Line = Record<string, unknown>;
const log = (benchRoot = root): Line[] =>
  readFileSync(join(benchRoot, 'logs', 'bench-sim.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Line);
const installed = (site: string): string[] => JSON.parse(readFileSync(join(root, 'sites', site, 'private', 'sim-db.json'), 'utf8')).installed_apps;
async function until(what: string, check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
  if (!check()) throw new Error(`still waiting for: ${what}`);
}

describe('bench-sim through bench-sim-client and the daemon', () => {
  const SEQUENCE = [
    ['new-site', 'x.test', '--admin-password', 'pw'],
    ['--site', 'x.test', 'install-app', 'erpnext'],
    ['--site', 'x.test', 'list-apps'],
    ['--site', 'x.test', 'install-app', 'erpnext'],
    ['--site', 'x.test', 'execute', 'frappe.db.get_value', '--args', "['User','Administrator','user_type']"],
    ['--site', 'x.test', 'set-config', 'host_name', 'https://x.test'],
    ['new-site', 'x.test', '--admin-password', 'pw'],
    ['--site', 'nope.test', 'set-config', 'a', 'b'],
    ['new-site', 'y.test', '--bogus'],
    ['--help'],
  ];

  it('gives the same stdout, stderr, exit codes and log lines as process mode', async () => {
    let proc: TmpBench | undefined;
    try {
      proc = await makeBench();
      const viaDaemon: unknown[] = [];
      const viaProcess: unknown[] = [];
      const pids: number[] = [];
      for (const args of SEQUENCE) {
        const c = run(args);
        const d = await c.result;
        const p = await proc.run(args);
        pids.push(c.pid);
        viaDaemon.push([args.join(' '), d.exitCode, d.stdout.replaceAll(root, '<root>'), d.stderr.replaceAll(root, '<root>')]);
        viaProcess.push([args.join(' '), p.exitCode, p.stdout.replaceAll(proc.root, '<root>'), p.stderr.replaceAll(proc.root, '<root>')]);
      }
      expect(viaDaemon).toEqual(viaProcess);
      expect(viaDaemon.map((r) => (r as unknown[])[1])).toEqual([0, 0, 2, 0, 0, 0, 1, 1, 2, 0]);
      // Both logs after their init lines (run from different places), with the bench path and the times masked.
      const shape = (benchRoot: string) => (l: Line) => ({ ...l, pid: typeof l.pid, time: typeof l.time, durationMs: typeof l.durationMs, cwd: String(l.cwd).replace(benchRoot, '<root>') });
      expect(log().slice(2).map(shape(root))).toEqual(proc.log().slice(2).map(shape(proc.root)));
      expect(log().length).toBe(2 + 2 * SEQUENCE.length);
      // The pid in the log is the client's: the process the service started and may kill.
      expect(
        log()
          .filter((l) => l.event === 'exit')
          .slice(1)
          .map((l) => l.pid),
      ).toEqual(pids);
    } finally {
      proc?.cleanup();
    }
  });

  it("hands a prompting command the client's stdin (getpass), and EOF when there is none", async () => {
    const typed = await runClient(daemon.socketPath, root, ['new-site', 'stdin.test'], {}, 'Adm1n\nAdm1n\n').result;
    expect([typed.exitCode, typed.stderr]).toEqual([
      0,
      'Warning: Password input may be echoed.\nSet Administrator password: Warning: Password input may be echoed.\nRe-enter Administrator password: ',
    ]);
    const none = await runClient(daemon.socketPath, root, ['new-site', 'eof.test']).result;
    expect([none.exitCode, none.stderr.split('\n').pop()]).toEqual([1, 'Aborted!']);
  });

  it('exits 2 on a usage error with click wording on stderr', async () => {
    const r = await run(['frobnicate']).result;
    expect([r.exitCode, r.stdout, r.stderr]).toEqual([2, '', "Usage: bench [OPTIONS] COMMAND [ARGS]...\nTry 'bench --help' for help.\n\nError: No such command 'frobnicate'."]);
  });

  it('exits 1 with the traceback on stderr for an injected failure', async () => {
    const r = await run(['new-site', 'f.test', '--admin-password', 'pw'], { BENCH_SIM_FAIL: 'new-site' }).result;
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^Traceback \(most recent call last\):\n[^]*\nfrappe\.exceptions\.ValidationError: Simulated failure of new-site .*$/);
  });

  it('abandons a hung invocation killed by a process-group SIGKILL: lock released, daemon still answering', async () => {
    expect((await run(['new-site', 'h.test', '--admin-password', 'pw']).result).exitCode).toBe(0);
    // The owner's pid file (the visible sites/h.test/locks/install_app.lock stays, as in v15).
    const lock = join(root, 'logs', 'bench-sim-locks', 'h.test', 'install_app.lock');
    const hung = run(['--site', 'h.test', 'install-app', 'erpnext'], { BENCH_SIM_HANG: 'install-app' });
    await until('the hang line', () => log().some((l) => l.event === 'hang' && l.pid === hung.pid));
    const hang = log().find((l) => l.event === 'hang' && l.pid === hung.pid)!;
    // The lock belongs to the invocation, i.e. the client; its waiting child is in the client's group.
    expect(readFileSync(lock, 'utf8')).toBe(String(hung.pid));
    expect(alive(hang.childPid as number)).toBe(true);
    process.kill(-hung.pid, 'SIGKILL');
    expect((await hung.result).signal).toBe('SIGKILL');
    await until('the abandoned invocation releases its lock', () => !existsSync(lock));
    await until('the waiting child is gone with its group', () => !alive(hang.childPid as number));
    expect(installed('h.test')).toEqual(['frappe']);
    expect(
      log()
        .filter((l) => l.pid === hung.pid)
        .map((l) => l.event),
    ).toEqual(['start', 'hang']);
    const next = await run(['--site', 'h.test', 'install-app', 'erpnext']).result;
    expect([next.exitCode, next.stdout]).toEqual([0, expect.stringContaining('Installing erpnext...')]);
  });

  it('stops an abandoned invocation at its step: no work once its sleep is cut short', async () => {
    expect((await run(['new-site', 's.test', '--admin-password', 'pw']).result).exitCode).toBe(0);
    const lock = join(root, 'logs', 'bench-sim-locks', 's.test', 'install_app.lock');
    const slow = run(['--site', 's.test', 'install-app', 'erpnext'], { BENCH_SIM_LATENCY: 'install-app:20s' });
    await until('the lock is taken', () => existsSync(lock));
    process.kill(-slow.pid, 'SIGKILL');
    await slow.result;
    // Had the sleep run to its end, erpnext would be installed before the lock is let go.
    await until('the lock is released', () => !existsSync(lock));
    expect(installed('s.test')).toEqual(['frappe']);
  });

  it('runs 20 concurrent invocations as independent benches', async () => {
    const runs = Array.from({ length: 20 }, (_, i) => run(['new-site', `c${i}.test`, '--admin-password', 'pw', '--install-app', 'erpnext']));
    const results = await Promise.all(runs.map((r) => r.result));
    const expected =
      "Warning: MariaDB version ['10.11', '19'] is more than 10.8 which is not yet tested with Frappe Framework.\n" +
      ['', 'frappe', 'erpnext']
        .flatMap((app) => (app ? [`Installing ${app}...`, `Updating DocTypes for ${app}        : [========================================] 100%`, `Updating Dashboard for ${app}`] : ['']))
        .concat('*** Scheduler is disabled ***')
        .join('\n');
    expect(results.map((r) => [r.exitCode, r.stdout, r.stderr])).toEqual(results.map(() => [0, expected, '']));
    for (let i = 0; i < 20; i++) expect(installed(`c${i}.test`)).toEqual(['frappe', 'erpnext']);
    const exits = log().filter((l) => l.event === 'exit' && l.command === 'new-site');
    expect(exits.map((l) => [l.pid, l.site]).sort()).toEqual(runs.map((r, i) => [r.pid, `c${i}.test`]).sort());
  });
});

describe('bench-sim-client without a daemon', () => {
  it('exits 1 with a clear message when nothing listens on the socket', async () => {
    const missing = await runClient(join(parent, 'no-such.sock'), root, ['--help']).result;
    expect([missing.exitCode, missing.stdout]).toEqual([1, '']);
    expect(missing.stderr).toBe(`bench-sim-client: cannot reach the bench-sim daemon at ${join(parent, 'no-such.sock')}: No such file or directory`);
    const notSet = await runClient('', root, ['--help']).result;
    expect([notSet.exitCode, notSet.stderr]).toEqual([1, 'bench-sim-client: BENCH_SIM_SOCKET is not set (the path of the bench-sim-daemon socket)']);
  });

  it('exits 1 when the daemon goes away mid-command, and the API refuses a socket in use', async () => {
    const inProcess = await startSimulatorDaemon({ socketPath: join(parent, 'api.sock') });
    expect(inProcess.clientBin).toBe(CLIENT_BIN);
    await expect(startSimulatorDaemon({ socketPath: inProcess.socketPath })).rejects.toThrow('already listens');
    expect((await startDaemonFails(inProcess.socketPath)).exitCode).toBe(1);
    expect((await runClient(inProcess.socketPath, root, ['new-site', 'g.test', '--admin-password', 'pw']).result).exitCode).toBe(0);
    const slow = runClient(inProcess.socketPath, root, ['--site', 'g.test', 'set-config', 'a', 'b'], { BENCH_SIM_LATENCY: 'set-config:20s' });
    await until('the invocation started', () => log().some((l) => l.pid === slow.pid));
    await inProcess.stop();
    const r = await slow.result;
    expect([r.exitCode, r.stderr]).toEqual([1, 'bench-sim-client: the bench-sim daemon closed the connection before the command finished']);
    expect(existsSync(inProcess.socketPath)).toBe(false);
  });
});

/** A second daemon process on a socket in use: exits 1 rather than stealing it. */
async function startDaemonFails(socketPath: string) {
  const { execa } = await import('execa');
  const { DAEMON_BIN } = await import('./test-support/daemon.js');
  return execa(process.execPath, [DAEMON_BIN, '--socket', socketPath], { reject: false });
}
