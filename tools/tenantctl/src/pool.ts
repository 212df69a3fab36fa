/**
 * `tenantctl pool status`: the warm pool read straight from the standby streams in the event
 * store (no service needed): sites by state, what each building site is doing, who claimed what,
 * and how long builds took.
 */
import type { Command } from 'commander';
import { foldStandby, isStandbyStream, type StandbyEvent, type StandbyState } from '@tlc/tenant-events';
import type { RecordedEvent } from '@tlc/event-store';
import { loadConfig, withEventStore } from './context.js';
import { readWholeLog } from './verify.js';

export interface PoolStatus {
  readonly counts: Record<'Ready' | 'Building' | 'Claimed' | 'Failed' | 'Dropped', number>;
  readonly claims: number;
  readonly returns: number;
  readonly buildSeconds: { readonly count: number; readonly p50: number | null; readonly max: number | null };
  readonly sites: ReadonlyArray<{ site: string; status: string; step?: string; claimedBy?: string; readyAt?: string; lastError?: string }>;
}

export function poolStatus(streams: ReadonlyMap<string, readonly RecordedEvent[]>): PoolStatus {
  const counts = { Ready: 0, Building: 0, Claimed: 0, Failed: 0, Dropped: 0 };
  const builds: number[] = [];
  let claims = 0;
  let returns = 0;
  const sites: Array<PoolStatus['sites'][number]> = [];
  for (const [stream, events] of streams) {
    if (!isStandbyStream(stream)) continue;
    const typed = events as unknown as StandbyEvent[];
    const s: StandbyState = foldStandby(typed);
    if (s.status !== 'None') counts[s.status]++;
    for (const e of typed) {
      if (e.type === 'StandbyReady') builds.push(e.data.buildMs / 1000);
      if (e.type === 'StandbyClaimed') claims++;
      if (e.type === 'StandbyReturned') returns++;
    }
    sites.push({
      site: s.site,
      status: s.status,
      ...(s.running ? { step: s.running.app ? `${s.running.step}:${s.running.app}` : s.running.step } : {}),
      ...(s.claimedBy ? { claimedBy: s.claimedBy } : {}),
      ...(s.readyAt ? { readyAt: s.readyAt } : {}),
      ...(s.lastError ? { lastError: s.lastError } : {}),
    });
  }
  builds.sort((a, b) => a - b);
  return {
    counts,
    claims,
    returns,
    buildSeconds: { count: builds.length, p50: builds.length ? builds[Math.floor((builds.length - 1) / 2)] : null, max: builds.length ? builds[builds.length - 1] : null },
    sites: sites.sort((a, b) => a.status.localeCompare(b.status) || a.site.localeCompare(b.site)),
  };
}

export function formatPoolStatus(p: PoolStatus): string {
  const c = p.counts;
  const lines = [
    `standby sites: ${c.Ready} ready, ${c.Building} building, ${c.Claimed} claimed, ${c.Failed} failed, ${c.Dropped} dropped`,
    `claims: ${p.claims} (${p.returns} returned to the pool)`,
    `build time: ${p.buildSeconds.count ? `p50 ${p.buildSeconds.p50!.toFixed(1)} s, max ${p.buildSeconds.max!.toFixed(1)} s over ${p.buildSeconds.count} builds` : 'no build finished yet'}`,
  ];
  for (const s of p.sites.filter((x) => x.status !== 'Dropped')) {
    const detail = s.status === 'Building' ? (s.step ?? 'between steps') : s.status === 'Claimed' ? `tenant ${s.claimedBy}` : s.status === 'Failed' ? (s.lastError ?? '') : '';
    lines.push(`  ${s.site}  ${s.status.padEnd(8)} ${detail}`.trimEnd());
  }
  return lines.join('\n');
}

/** Adds `pool status` to the program (created with .command so it inherits the exit and output settings). */
export function addPoolCommand(program: Command, print: (cmd: Command, value: unknown, human: () => string) => void): Command {
  const pool = program.command('pool').description('Inspect the warm pool of standby sites.');
  pool
    .command('status')
    .description('Standby sites by state (ready, building, claimed, failed), claims and returns, and build times, read from the event store.')
    .action(async (_opts: unknown, cmd: Command) => {
      await withEventStore(loadConfig(), async (es) => {
        const status = poolStatus(await readWholeLog(es));
        print(cmd, status, () => formatPoolStatus(status));
      });
    });
  return pool;
}
