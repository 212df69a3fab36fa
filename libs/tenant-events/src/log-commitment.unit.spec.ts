import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { canonicalJson } from './canonical-json.js';
import { chainEvents, extendChain, verifyChain, type StoredChainEvent } from './hash-chain.js';
import { commitLog, commitScannedLog, contentHash, LogCommitter, placeHash, type LoggedEvent } from './log-commitment.js';
import { GENESIS_HASH } from './metadata.js';

const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** A log of `streams` streams of `n` chained events each, interleaved in position order. */
function log(streams: number, n: number): LoggedEvent[] {
  const per = Array.from({ length: streams }, (_, s) =>
    chainEvents(
      GENESIS_HASH,
      Array.from({ length: n }, (_, i) => ({
        type: i === 0 ? 'SignupRequested' : 'StepStarted',
        data: { tenantId: `t${s}`, step: `s${i}`, attempt: 1, nested: { z: [1, 'é', null], a: true } },
        metadata: { eventId: `e-${s}-${i}`, correlationId: 'c', causationId: 'c', actor: { kind: 'system' as const, id: 'x' }, occurredAt: '2026-11-27T09:00:00.000Z', schemaVersion: 1 },
      })),
    ),
  );
  const out: LoggedEvent[] = [];
  for (let i = 0; i < n; i++) {
    per.forEach((events, s) =>
      out.push({
        streamId: `tenant-${s}`,
        eventId: `e-${s}-${i}`,
        type: events[i].type,
        data: events[i].data,
        metadata: events[i].metadata,
        revision: i,
        position: out.length + 1,
        recordedAt: `2026-11-27T09:00:0${i % 10}.000Z`,
      }),
    );
  }
  return out;
}
const byStream = (events: readonly LoggedEvent[]) => {
  const m = new Map<string, LoggedEvent[]>();
  for (const e of events) m.set(e.streamId, [...(m.get(e.streamId) ?? []), e]);
  return m;
};

describe('log commitment', () => {
  it('hashes the canonical JSON of the content and of the place, as the proof format says', () => {
    const [e] = log(1, 1);
    expect(contentHash(e)).toBe(sha(canonicalJson({ eventId: e.eventId, type: e.type, data: e.data, metadata: e.metadata })));
    expect(placeHash(e)).toBe(sha(canonicalJson({ streamId: e.streamId, revision: e.revision, position: e.position, recordedAt: e.recordedAt })));
  });

  it('LogCommitter fed in position order commits to exactly what commitLog does', () => {
    const events = log(7, 5);
    const c = new LogCommitter();
    events.forEach((e) => c.add(e));
    expect(c.needsWholeStream.size).toBe(0);
    expect(c.finish()).toEqual(commitLog(byStream(events)));
  });

  it('a stream out of revision order (swapped rows) is digested whole, still equal to commitLog', async () => {
    const events = log(3, 4);
    const swapped = events.map((e) => (e.streamId === 'tenant-1' && e.revision === 1 ? { ...e, revision: 2 } : e.streamId === 'tenant-1' && e.revision === 2 ? { ...e, revision: 1 } : e));
    const c = new LogCommitter();
    swapped.forEach((e) => c.add(e));
    expect([...c.needsWholeStream]).toEqual(['tenant-1']);
    expect(() => c.finish()).toThrow(/tenant-1/);
    const pages = async (from: number | undefined, max: number) => swapped.filter((e) => e.position > (from ?? 0)).slice(0, max);
    expect(await commitScannedLog(pages)).toEqual(commitLog(byStream(swapped)));
  });

  it('extendChain accepts exactly the streams verifyChain finds clean (property)', () => {
    const stream = log(1, 6) as unknown as StoredChainEvent[];
    const edits = fc.array(fc.record({ at: fc.nat(5), how: fc.constantFrom('drop', 'swap', 'data', 'relink', 'duplicate') }), { maxLength: 2 });
    fc.assert(
      fc.property(edits, (ops) => {
        let s = stream.map((e) => ({ ...e, metadata: { ...e.metadata } }));
        for (const { at, how } of ops) {
          const i = Math.min(at, s.length - 1);
          if (i < 0) break;
          if (how === 'drop') s.splice(i, 1);
          else if (how === 'swap' && i + 1 < s.length) [s[i], s[i + 1]] = [s[i + 1], s[i]];
          else if (how === 'data') s[i] = { ...s[i], data: { changed: true } };
          else if (how === 'relink') s[i] = { ...s[i], metadata: { ...s[i].metadata, prevHash: GENESIS_HASH } };
          else if (how === 'duplicate') s.splice(i, 0, s[i]);
        }
        s = s.map((e, r) => ({ ...e, revision: r }));
        let head: ReturnType<typeof extendChain> | null | undefined;
        for (const e of s) head = head === null ? null : (extendChain(head, e) ?? null);
        const clean = verifyChain(s).length === 0;
        expect(head !== null).toBe(clean);
      }),
      { numRuns: 300 },
    );
  });
});
