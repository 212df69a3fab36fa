/**
 * TenantRepository keeps recently loaded tenants and reads only the tail of their streams: it
 * must still see what other instances append, fold to the same state as a whole read, and the
 * audit read (loadFromStore) must show what the store holds now, not what was cached.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEventStore, WrongExpectedRevisionError, type EventStore, type EventToAppend } from '@tlc/event-store';
import { SCHEMA_VERSIONS, tenantStream, type EventDraft, type StepRef, type TenantEvent, type TenantState } from '@tlc/tenant-events';
import { sealDrafts } from '../shared/command-handler.js';
import type { CommandMetadata } from './commands.js';
import { TenantRepository } from './tenant-repository.js';

/** A raw append at the folded revision, as the command handler makes one (another instance's write). */
const appendAt = (store: EventStore, state: TenantState, id: string, drafts: EventDraft<TenantEvent>[], m: CommandMetadata) =>
  store.append(tenantStream(id), sealDrafts(drafts, m, state.lastHash, (t) => SCHEMA_VERSIONS[t]) as unknown as EventToAppend[], state.exists ? state.revision : 'no_stream');

const T = 'cache-tenant-1';
const meta = (n: number): CommandMetadata => ({
  commandId: `cmd-${n}`,
  correlationId: 'corr',
  causationId: 'corr',
  actor: { kind: 'system', id: 'spec' },
  now: new Date(Date.UTC(2026, 10, 27, 9, 0, n)).toISOString(),
});
const signup: EventDraft<TenantEvent> = {
  type: 'SignupRequested',
  data: {
    tenantId: T,
    organization: 'Acme Ltd',
    subdomain: 'acme',
    siteName: 'acme.example.com',
    adminEmail: 'owner@acme.test',
    identityProvider: 'google',
    apps: ['erpnext'],
    emailVerification: 'proven-by-idp',
  },
};
const started = (ref: StepRef, runnerId: string): EventDraft<TenantEvent> => ({
  type: 'StepStarted',
  data: { tenantId: T, ...ref, attempt: 1, runnerId, leaseExpiresAt: '2026-11-27T10:00:00.000Z' },
});

let dir: string;
let url: string;
let one: EventStore;
let two: EventStore;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tenant-repo-'));
  url = `sqlite:${join(dir, 'events.db')}`;
  // Two stores on one file: two service instances.
  one = await createEventStore(url);
  two = await createEventStore(url);
});
afterEach(async () => {
  await one.close();
  await two.close();
  rmSync(dir, { recursive: true, force: true });
});

it('sees what another instance appended after its own load, folded as a whole read would', async () => {
  const a = new TenantRepository(one);
  const b = new TenantRepository(two);
  expect((await a.load(T)).state.exists).toBe(false); // nothing yet: not cached either

  const first = await appendAt(one, (await a.load(T)).state, T, [signup], meta(1));
  expect((await a.load(T)).state.revision).toBe(first.nextExpectedRevision);

  // Instance b moves the stream on; a's next load must include it.
  await appendAt(two, (await b.load(T)).state, T, [started({ step: 'new-site' }, 'pm-b')], meta(2));
  const seen = await a.load(T);
  expect(seen.recorded.map((r) => r.type)).toEqual(['SignupRequested', 'StepStarted']);
  expect(seen.state).toEqual((await new TenantRepository(one).load(T)).state);
  expect(seen.state.leases).toHaveLength(1);

  // A state a loaded (from its cache) before b appended again cannot be appended at: a decision
  // on it is refused by the revision check, and a's next load has b's event.
  const stale = await a.load(T);
  await appendAt(two, (await b.load(T)).state, T, [started({ step: 'install-app', app: 'erpnext' }, 'pm-b')], meta(3));
  await expect(appendAt(one, stale.state, T, [started({ step: 'drop-site' }, 'pm-a')], meta(4))).rejects.toThrow(WrongExpectedRevisionError);
  expect((await a.load(T)).recorded.map((r) => (r.data as { runnerId?: string }).runnerId)).toEqual([undefined, 'pm-b', 'pm-b']);
});

it('keeps at most 512 tenants and loads an evicted one whole again', async () => {
  const repo = new TenantRepository(one);
  const ids = Array.from({ length: 513 }, (_, i) => `evict-${i}`);
  for (const [i, id] of ids.entries()) await appendAt(one, (await repo.load(id)).state, id, [{ ...signup, data: { ...signup.data, tenantId: id } } as EventDraft<TenantEvent>], meta(100 + i));
  for (const id of ids) await repo.load(id); // evict-0 is the oldest entry when evict-512 arrives
  const cache = (repo as unknown as { cache: Map<string, unknown> }).cache;
  expect(cache.size).toBe(512);
  expect(cache.has('evict-0')).toBe(false);
  expect((await repo.load('evict-0')).state.tenantId).toBe('evict-0');
  expect(cache.has('evict-1')).toBe(false); // evict-0 came back in at the other end
});

it('answers audits from the store, not from what it read earlier', async () => {
  const repo = new TenantRepository(one);
  await appendAt(one, (await repo.load(T)).state, T, [signup], meta(1));
  await repo.load(T); // cached now
  const raw = new Database(join(dir, 'events.db'));
  try {
    raw.prepare(`UPDATE events SET data = json_set(data, '$.organization', 'Tampered Ltd') WHERE stream_id = ?`).run(tenantStream(T));
  } finally {
    raw.close();
  }
  expect((await repo.loadFromStore(T)).recorded[0].data).toMatchObject({ organization: 'Tampered Ltd' });
  expect((await repo.loadFromStore(T)).state.organization).toBe('Tampered Ltd');
});
