/**
 * Which bench commands run, and who started them: one small file per command under the bench
 * folder's run dir (`config/pids/`, where `bench init` keeps its pid files). A starter that dies
 * unnoticed (the service and its spawn host killed at once, a machine-wide OOM kill) leaves its
 * benches running in their own process groups, with nobody enforcing their timeouts. The next
 * starter in the same bench folder reads these files and ends such orphans before it runs
 * anything, so a step taken over is never redone (`new-site --force` on the same site) while the
 * old attempt still writes to the site.
 *
 * Pids are reused, so a record names each process by pid and start time (/proc), and the host
 * name (a bench folder on a shared disk is seen by other machines, whose pids mean nothing here).
 * A record never holds the argv: it carries passwords.
 */
import { mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface SpawnRecord {
  /** Bench's pid: the leader of its process group. */
  readonly pgid: number;
  readonly started?: string;
  readonly owner: { readonly pid: number; readonly started?: string };
  readonly host: string;
  /** For operators reading the file: the site the command works on, if it names one. */
  readonly site?: string;
  readonly at: string;
}

export const runDir = (benchPath: string): string => join(benchPath, 'config', 'pids', 'bench-commands');

/** A process's start time in clock ticks since boot (field 22 of /proc/<pid>/stat); undefined where there is no /proc. */
export function startTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count from its closing one.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[0] === 'Z' ? undefined : fields[19];
  } catch {
    return undefined;
  }
}

function exists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The same process as recorded (not a later one with its pid), still running and not a zombie. */
function sameProcess(pid: number, started: string | undefined): boolean {
  if (!exists(pid)) return false;
  const now = startTime(pid);
  return started === undefined ? true : now === started;
}

/** Whether any process of the group still runs (zombies aside: an orphan's are reaped by init, ours by Node). */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        if (Number(pgrp) === pgid && state !== 'Z') return true;
      } catch {
        /* exited while we looked */
      }
    }
    return false;
  } catch {
    return true; // no /proc: trust kill(0)
  }
}

/** SIGTERM every group, SIGKILL whatever is left after `graceMs`, then wait (a little) until they are gone. */
export async function endGroups(pgids: readonly number[], graceMs: number): Promise<void> {
  const signal = (pgid: number, sig: NodeJS.Signals) => {
    try {
      process.kill(-pgid, sig);
    } catch {
      /* gone already */
    }
  };
  const waitGone = async (ms: number) => {
    for (const deadline = Date.now() + ms; Date.now() < deadline && pgids.some(groupAlive);) await sleep(25);
  };
  pgids.forEach((g) => signal(g, 'SIGTERM'));
  await waitGone(graceMs);
  pgids.filter(groupAlive).forEach((g) => signal(g, 'SIGKILL'));
  await waitGone(2000);
}

const SELF = { pid: process.pid, started: startTime(process.pid) };
const HOST = hostname();

/** `new-site S`, `drop-site S`, `--site S`: the site a bench command names. */
export function siteOf(args: readonly string[]): string | undefined {
  const i = args.findIndex((a) => a === '--site' || a === 'new-site' || a === 'drop-site');
  return i >= 0 && args[i + 1] && !args[i + 1].startsWith('-') ? args[i + 1] : undefined;
}

/** Writes the record of a bench just started; the returned function removes it. Best effort: no run dir, no record. */
export function recordSpawn(benchPath: string, pgid: number, args: readonly string[]): () => void {
  const file = join(runDir(benchPath), `${pgid}.json`);
  const record: SpawnRecord = { pgid, started: startTime(pgid), owner: SELF, host: HOST, site: siteOf(args), at: new Date().toISOString() };
  try {
    try {
      writeFileSync(file, JSON.stringify(record));
    } catch (e) {
      // The run dir is made on first use only, not before every command.
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      mkdirSync(runDir(benchPath), { recursive: true });
      writeFileSync(file, JSON.stringify(record));
    }
  } catch {
    return () => undefined;
  }
  return () => remove(file);
}

function remove(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    /* removed by another starter's sweep */
  }
}

function read(file: string): SpawnRecord | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as SpawnRecord;
  } catch {
    return undefined; // half written by a live starter, or just removed
  }
}

/**
 * Ends the benches in this bench folder whose starter is gone and waits until they are, removing
 * their records (and records of benches long finished). A live starter's benches are left alone:
 * it enforces their timeouts itself. Returns the process groups ended.
 */
export async function endOrphans(benchPath: string, graceMs: number): Promise<number[]> {
  let names: string[];
  try {
    names = readdirSync(runDir(benchPath));
  } catch {
    return [];
  }
  const orphans: number[] = [];
  const stale: string[] = [];
  for (const name of names) {
    const file = join(runDir(benchPath), name);
    const r = read(file);
    if (!r || r.host !== HOST || sameProcess(r.owner.pid, r.owner.started)) continue;
    stale.push(file);
    // A leader running under the recorded pid with another start time: the pid was reused, the group is long gone.
    const reused = r.started !== undefined && exists(r.pgid) && startTime(r.pgid) !== undefined && startTime(r.pgid) !== r.started;
    if (!reused && groupAlive(r.pgid)) orphans.push(r.pgid);
  }
  if (orphans.length > 0) await endGroups(orphans, graceMs);
  stale.forEach(remove);
  return orphans;
}
