/**
 * Bench never outlives its starter, with real processes: a fixture parent (standing in for the
 * service) starts the built spawn host, which starts a fake bench (sh + a sleeping grandchild in
 * its own process group). Whatever way the parent or the host goes, the fake bench goes too; and
 * when both are killed at once, the next starter in the bench folder ends the orphan before it
 * runs anything there.
 */
import { jest } from '@jest/globals';
import { spawn, type ChildProcess, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { runDir } from './spawn-records.js';
import { spawnProcess } from './spawn-process.js';

jest.setTimeout(60_000);

const here = join(process.cwd(), 'services/provisioning/src/bench');
const FIXTURE = join(here, 'spawn-host-parent.fixture.mjs');

/** Zombies count as gone: an orphan's are reaped by init a moment later. */
const alive = (pid: number): boolean => {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => boolean, ms = 15_000): Promise<boolean> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; await sleep(50)) if (check()) return true;
  return check();
}

let dir: string;
let bench: string;
let pidsFile: string;
const fakeBench = (name: string, body: string): string => {
  const file = join(dir, name);
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
};
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'spawn-host-'));
  bench = join(dir, 'frappe-bench');
  pidsFile = join(dir, 'pids');
  // The fixture's `bench`: writes its own pid and its sleeping child's, then waits, like a bench running Python.
  fakeBench('slow-bench', 'echo $$ >> "$PIDS"\nsleep 600 &\necho $! >> "$PIDS"\nwait');
  // One that ignores SIGTERM (so does its child, which inherits the disposition): only SIGKILL ends it.
  fakeBench('stubborn-bench', 'trap \'\' TERM\necho $$ >> "$PIDS"\nsleep 600 &\necho $! >> "$PIDS"\nwait');
  // The bench folder exists before any command runs in it, as a real one does.
  mkdirSync(bench);
});
// Every parent a case started: a case that fails before its own kill must not leave one running
// (it would keep the test run from ending).
const parents: ChildProcess[] = [];
afterEach(() => {
  for (const proc of parents.splice(0)) proc.kill('SIGKILL');
  for (const pid of benchPids()) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* gone, as it should be */
    }
  }
  rmSync(dir, { recursive: true, force: true });
});
const benchPids = (): number[] => (existsSync(pidsFile) ? readFileSync(pidsFile, 'utf8').trim().split('\n').filter(Boolean).map(Number) : []);

interface Parent {
  readonly proc: ChildProcessByStdio<Writable, Readable, null>;
  readonly host: number;
  readonly lines: AsyncIterator<string>;
}
async function startParent(mode: 'wait' | 'disconnect' | 'lifeline', bin = 'slow-bench'): Promise<Parent> {
  const proc = spawn(process.execPath, [FIXTURE, mode, join(dir, bin), bench, pidsFile], { stdio: ['pipe', 'pipe', 'inherit'] });
  parents.push(proc);
  const lines = createInterface({ input: proc.stdout })[Symbol.asyncIterator]();
  const { host } = JSON.parse((await lines.next()).value as string) as { host: number };
  // bench and its grandchild are both up before the parent goes.
  expect(await until(() => benchPids().length === 2)).toBe(true);
  expect(benchPids().map(alive)).toEqual([true, true]);
  return { proc, host, lines };
}

it('the parent SIGKILLed mid-command: the host ends bench and its grandchild, and leaves', async () => {
  const p = await startParent('wait');
  p.proc.kill('SIGKILL');
  expect(await until(() => !benchPids().some(alive) && !alive(p.host))).toBe(true);
});

it('the parent ended by SIGTERM (no handler: it dies at once): the same', async () => {
  const p = await startParent('wait');
  p.proc.kill('SIGTERM');
  expect(await until(() => !benchPids().some(alive) && !alive(p.host))).toBe(true);
});

it('the parent disconnects (a graceful close): the host ends its benches before it exits', async () => {
  const p = await startParent('disconnect');
  p.proc.stdin.write('go\n');
  const answers = [JSON.parse((await p.lines.next()).value as string), JSON.parse((await p.lines.next()).value as string)];
  // The command in flight fails as "starter lost" (its step is redone), and close() returns once the host is gone.
  expect(answers).toContainEqual({ closed: true });
  expect(answers).toContainEqual({ reply: expect.objectContaining({ starterLost: true }) });
  expect(benchPids().map(alive)).toEqual([false, false]);
  expect(alive(p.host)).toBe(false);
  p.proc.kill('SIGKILL');
});

it('the lifeline pipe closes while the IPC channel stays open: the host still goes, with its benches', async () => {
  const p = await startParent('lifeline');
  p.proc.stdin.write('go\n');
  const answer = JSON.parse((await p.lines.next()).value as string) as { reply: { starterLost?: boolean; shortMessage?: string } };
  expect(answer.reply).toMatchObject({ starterLost: true });
  expect(await until(() => !benchPids().some(alive) && !alive(p.host))).toBe(true);
  p.proc.kill('SIGKILL');
});

it('a SIGTERM to the host ends its benches; one that ignores SIGTERM is killed after the grace', async () => {
  const p = await startParent('wait', 'stubborn-bench');
  process.kill(p.host, 'SIGTERM');
  await sleep(500);
  // Still there within the grace: asked, not yet forced.
  expect(benchPids().map(alive)).toEqual([true, true]);
  expect(await until(() => !benchPids().some(alive) && !alive(p.host))).toBe(true);
  p.proc.kill('SIGKILL');
});

it('parent and host killed at once leave an orphan; the next starter ends it before it runs anything in that bench', async () => {
  const p = await startParent('wait');
  const [leader, grandchild] = benchPids();
  // The host writes the record right after the spawn returns; on a busy machine bench may have written its pids first.
  const recordFile = join(runDir(bench), `${leader}.json`);
  expect(await until(() => existsSync(recordFile))).toBe(true);
  process.kill(p.host, 'SIGKILL');
  p.proc.kill('SIGKILL');
  await sleep(500);
  // Nobody is left to end it: an orphan, recorded under the bench folder's run dir (without its argv).
  expect([alive(leader), alive(grandchild)]).toEqual([true, true]);
  const record = JSON.parse(readFileSync(recordFile, 'utf8'));
  expect(record).toMatchObject({ pgid: leader, site: 'orphan.test', owner: { pid: p.host } });
  expect(JSON.stringify(record)).not.toContain('--force');

  // The takeover: the same site's new-site again, from this process. It reports whether the orphan still ran when it started.
  const check = fakeBench(
    'check-bench',
    `for p in ${leader} ${grandchild}; do if kill -0 $p 2>/dev/null && ! grep -q '^[0-9]* ([^)]*) Z' /proc/$p/stat; then echo "$p running"; else echo "$p gone"; fi; done`,
  );
  const r = await spawnProcess({ bin: check, args: ['new-site', 'orphan.test', '--force'], cwd: bench, env: { PATH: process.env.PATH ?? '' }, timeoutMs: 30_000 });
  expect([r.exitCode, r.stdout]).toEqual([0, `${leader} gone\n${grandchild} gone`]);
  expect(readdirSync(runDir(bench))).toEqual([]);
});

it("a live starter's bench is never ended by another starter", async () => {
  const p = await startParent('wait');
  const r = await spawnProcess({ bin: 'true', args: ['--site', 'orphan.test', 'migrate'], cwd: bench, env: { PATH: process.env.PATH ?? '' }, timeoutMs: 30_000 });
  expect(r.exitCode).toBe(0);
  expect(benchPids().map(alive)).toEqual([true, true]);
  p.proc.kill('SIGKILL');
  expect(await until(() => !benchPids().some(alive))).toBe(true);
});
