/**
 * verifyLogAndCheckpoints (`verify --all --checkpoints`) streams the log and takes each
 * checkpoint's root as the scan passes its head; it must answer exactly what verifyCheckpoints
 * over the whole log in memory answers, untouched or tampered, with or without readAllText.
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createEventStore, type EventStore, type EventToAppend } from '@tlc/event-store';
import { chainEvents, GENESIS_HASH } from '@tlc/tenant-events';
import { commitEventStore, makeCheckpoint, verifyCheckpoints, verifyLogAndCheckpoints, type SignedCheckpoint } from './audit.js';
import { readWholeLog, verifyStreams } from './verify.js';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');

function events(stream: string, from: number, n: number, prevHash: string) {
  return chainEvents(
    prevHash,
    Array.from({ length: n }, (_, i) => ({
      type: 'StepStarted',
      data: { tenantId: stream, step: `s${from + i}`, attempt: 1 },
      metadata: { eventId: randomUUID(), correlationId: 'c', causationId: 'c', actor: { kind: 'system' as const, id: 'pm' }, occurredAt: '2026-12-05T00:00:00.000Z', schemaVersion: 1 },
    })),
  );
}

describe('verifyLogAndCheckpoints', () => {
  let dir: string;
  let file: string;
  let es: EventStore;
  const cps: SignedCheckpoint[] = [];
  const last = new Map<string, string>();

  async function append(stream: string, n: number): Promise<void> {
    const prev = last.get(stream);
    const from = prev === undefined ? 0 : (await es.readStream(stream)).length;
    const chained = events(stream, from, n, prev ?? GENESIS_HASH);
    await es.append(stream, chained as unknown as EventToAppend[], prev === undefined ? 'no_stream' : from - 1);
    last.set(stream, chained[chained.length - 1].metadata.hash);
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tlc-verify-cps-'));
    file = join(dir, 'events.db');
    es = await createEventStore(`sqlite:${file}`);
    for (const s of ['tenant-a', 'tenant-b', 'idempotency-x']) await append(s, 3);
    cps.push(makeCheckpoint(await commitEventStore(es), privateKey));
    await append('tenant-a', 2);
    await append('tenant-c', 2);
    cps.push(makeCheckpoint(await commitEventStore(es), privateKey));
    await append('tenant-b', 1);
  });

  afterAll(async () => {
    await es.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The whole-log answer it must equal. */
  async function expected(list: readonly SignedCheckpoint[]) {
    const streams = await readWholeLog(es);
    return { chain: verifyStreams(streams, { crossCheck: true }), checkpoints: verifyCheckpoints(streams, list, publicKey) };
  }
  const withoutText = (): EventStore => {
    const copy = Object.create(es) as EventStore & { readAllText?: unknown };
    copy.readAllText = undefined;
    return copy;
  };

  it('answers what verifyCheckpoints over the whole log answers on an untouched log, checkpoints in any order', async () => {
    const list = [cps[1], cps[0]];
    // One scan of the stored text: the whole-log fallback (readAll) is never needed.
    const counting = Object.create(es) as EventStore;
    let parsedReads = 0;
    counting.readAll = (o) => (parsedReads++, es.readAll(o));
    const got = await verifyLogAndCheckpoints(counting, list, publicKey, { crossCheck: true });
    expect(parsedReads).toBe(0);
    expect(got.checkpoints).toEqual({ checkpoints: 2, verified: 2, problems: [] });
    expect(got).toEqual(await expected(list));
    expect(await verifyLogAndCheckpoints(withoutText(), list, publicKey, { crossCheck: true })).toEqual(got);
  });

  it('names what changed, as verifyCheckpoints does, once the log was tampered with', async () => {
    const db = new Database(file);
    try {
      db.prepare("UPDATE events SET recorded_at = '2020-01-01T00:00:00.000Z' WHERE stream_id = 'tenant-b' AND revision = 1").run();
      db.prepare("UPDATE events SET data = json_set(data, '$.step', 'edited') WHERE stream_id = 'tenant-a' AND revision = 3").run();
    } finally {
      db.close();
    }
    const got = await verifyLogAndCheckpoints(es, cps, publicKey, { crossCheck: true });
    expect(got.checkpoints.verified).toBe(0);
    expect(got.checkpoints.problems.map((p) => [p.checkpoint, p.stream, p.revision, p.kind])).toEqual(
      expect.arrayContaining([
        [1, 'tenant-b', 1, 'timestamp-or-place-changed'],
        [2, 'tenant-a', 3, 'changed'],
      ]),
    );
    expect(got.chain.problems).toEqual([expect.objectContaining({ stream: 'tenant-a', revision: 3, kind: 'edited' })]);
    expect(got).toEqual(await expected(cps));
    expect(await verifyLogAndCheckpoints(withoutText(), cps, publicKey, { crossCheck: true })).toEqual(got);
  });
});
