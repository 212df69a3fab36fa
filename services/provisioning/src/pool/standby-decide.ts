/**
 * The standby-site decider: `decideStandby(command, state) -> drafts`, pure. The rule that makes
 * a claim atomic is not here but in the append: ClaimStandby is appended at the revision of the
 * Ready state it was decided on, so of two racing claims the store lets exactly one through.
 */
import { assertNever, nextStandbyStep, standbyStepKey, type StandbyEventDraft, type StandbyState, type StandbyStepName } from '@tlc/tenant-events';
import { PoolError } from './pool-error.js';
import type { CommandMetadata } from '../tenants/commands.js';

type Cmd<T extends string, D> = { readonly type: T; readonly data: D; readonly metadata: CommandMetadata };
type StepData = { site: string; step: StandbyStepName; app?: string; attempt: number };

export type StandbyCommand =
  | Cmd<'RequestStandby', { site: string; apps: readonly string[] }>
  | Cmd<'StartStandbyStep', StepData & { runnerId: string; leaseExpiresAt: string }>
  | Cmd<'RecordStandbyStepSucceeded', StepData & { durationMs: number; dbName?: string; apiKey?: string; archivedTo?: string; reason?: string }>
  | Cmd<'RecordStandbyStepFailed', StepData & { exitCode: number | null; reason: string; stderrTail: string }>
  /** A build whose runner died (lease expired, or silent between steps): fail it so it is dropped. */
  | Cmd<'AbandonStandby', { site: string; reason: string; silentSince: string }>
  | Cmd<'ClaimStandby', { site: string; tenantId: string }>
  | Cmd<'ReturnStandby', { site: string; tenantId: string; reason: string }>;

const ms = (iso: string): number => Date.parse(iso);

export function decideStandby(command: StandbyCommand, s: StandbyState): StandbyEventDraft[] {
  const site = command.data.site;
  if (command.type !== 'RequestStandby' && !s.exists) throw new PoolError('POOL.STANDBY_NOT_FOUND', `No standby site is called "${site}".`);
  switch (command.type) {
    case 'RequestStandby':
      if (s.exists) throw new PoolError('POOL.STANDBY_EXISTS', `The standby site "${site}" already exists.`);
      if (command.data.apps.length === 0) throw new PoolError('POOL.BAD_STANDBY', 'A standby site needs at least one app.');
      return [{ type: 'StandbyRequested', data: { site, apps: [...command.data.apps] } }];
    case 'StartStandbyStep':
      return startStep(command.data, command.metadata.now, s);
    case 'RecordStandbyStepSucceeded': {
      const d = command.data;
      assertRunning(s, d);
      switch (d.step) {
        case 'new-site':
          if (!d.dbName) throw new PoolError('POOL.BAD_STEP_RESULT', 'new-site reported no database name.');
          return finishBuild(s, { type: 'StandbySiteCreated', data: { site, dbName: d.dbName, durationMs: d.durationMs } }, command.metadata.now);
        case 'install-app':
          return finishBuild(s, { type: 'StandbyAppInstalled', data: { site, app: d.app ?? '', durationMs: d.durationMs } }, command.metadata.now);
        case 'api-key':
          if (!d.apiKey) throw new PoolError('POOL.BAD_STEP_RESULT', 'The api-key step reported no key.');
          return finishBuild(s, { type: 'StandbyApiKeyCreated', data: { site, apiKey: d.apiKey, durationMs: d.durationMs } }, command.metadata.now);
        case 'drop-site':
          return [{ type: 'StandbyDropped', data: { site, reason: d.reason ?? s.lastError ?? 'dropped', ...(d.archivedTo ? { archivedTo: d.archivedTo } : {}), durationMs: d.durationMs } }];
        default:
          return assertNever(d.step, 'standby step');
      }
    }
    case 'RecordStandbyStepFailed': {
      const d = command.data;
      assertRunning(s, d);
      // A failed drop stays Failed with the site on the bench; the next sweep tries again.
      if (d.step === 'drop-site') return [failed(d, s, 'drop-site')];
      return [failed(d, s, d.step)];
    }
    case 'AbandonStandby': {
      const now = ms(command.metadata.now);
      const alive = s.running ? ms(s.running.leaseExpiresAt) > now : ms(s.updatedAt ?? '') > ms(command.data.silentSince);
      if (s.status !== 'Building' || alive) throw new PoolError('POOL.STEP_LEASE_HELD', `The build of ${site} is not abandoned (${s.status}).`);
      const step = s.running ?? nextStandbyStep(s) ?? { step: 'new-site' as const };
      return [{ type: 'StandbyBuildFailed', data: { site, step: step.step, ...(step.app ? { app: step.app } : {}), exitCode: null, reason: command.data.reason, stderrTail: '' } }];
    }
    case 'ClaimStandby':
      if (s.status !== 'Ready') throw new PoolError('POOL.STANDBY_NOT_READY', `The standby site "${site}" is ${s.status}, not Ready.`);
      return [{ type: 'StandbyClaimed', data: { site, tenantId: command.data.tenantId } }];
    case 'ReturnStandby':
      if (s.status !== 'Claimed' || s.claimedBy !== command.data.tenantId) {
        throw new PoolError('POOL.NOT_CLAIMED_BY', `The standby site "${site}" is not claimed by tenant ${command.data.tenantId}.`);
      }
      return [{ type: 'StandbyReturned', data: { site, tenantId: command.data.tenantId, reason: command.data.reason } }];
    default:
      return assertNever(command, 'standby command');
  }
}

function startStep(d: StepData & { runnerId: string; leaseExpiresAt: string }, now: string, s: StandbyState): StandbyEventDraft[] {
  const next = nextStandbyStep(s);
  const key = standbyStepKey(d.step, d.app);
  if (!next || standbyStepKey(next.step, next.app) !== key) {
    throw new PoolError('POOL.STEP_OUT_OF_ORDER', `${key} is not the next step of ${s.site} (${s.status}).`);
  }
  if (s.running && ms(s.running.leaseExpiresAt) > ms(now)) {
    throw new PoolError('POOL.STEP_LEASE_HELD', `Runner ${s.running.runnerId} holds ${s.site} until ${s.running.leaseExpiresAt}.`);
  }
  if (d.attempt <= (s.attempts[key] ?? 0)) throw new PoolError('POOL.STALE_RUNNER', `Attempt ${d.attempt} of ${key} was already made.`);
  if (!(ms(d.leaseExpiresAt) > ms(now))) throw new PoolError('POOL.STALE_RUNNER', 'The lease must end after the start of the step.');
  return [{ type: 'StandbyStepStarted', data: { site: s.site, step: d.step, ...(d.app ? { app: d.app } : {}), attempt: d.attempt, runnerId: d.runnerId, leaseExpiresAt: d.leaseExpiresAt } }];
}

function assertRunning(s: StandbyState, d: StepData): void {
  const r = s.running;
  if (!r || standbyStepKey(r.step, r.app) !== standbyStepKey(d.step, d.app) || r.attempt !== d.attempt) {
    throw new PoolError('POOL.STALE_RUNNER', `The result of ${standbyStepKey(d.step, d.app)} attempt ${d.attempt} on ${s.site} is stale.`);
  }
}

/** The last build step also makes the site Ready, in the same decision. */
function finishBuild(s: StandbyState, done: StandbyEventDraft, now: string): StandbyEventDraft[] {
  const installed = done.type === 'StandbyAppInstalled' ? [...s.installed, done.data.app] : s.installed;
  const created = s.siteCreated || done.type === 'StandbySiteCreated';
  const keyed = s.apiKey !== undefined || done.type === 'StandbyApiKeyCreated';
  if (!created || s.apps.some((a) => !installed.includes(a)) || !keyed) return [done];
  const buildMs = s.requestedAt ? Math.max(0, ms(now) - ms(s.requestedAt)) : 0;
  return [done, { type: 'StandbyReady', data: { site: s.site, buildMs } }];
}

function failed(d: StepData & { exitCode: number | null; reason: string; stderrTail: string }, s: StandbyState, step: StandbyStepName): StandbyEventDraft {
  return { type: 'StandbyBuildFailed', data: { site: s.site, step, ...(d.app ? { app: d.app } : {}), exitCode: d.exitCode, reason: d.reason, stderrTail: d.stderrTail } };
}
