import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { canonicalJson } from './canonical-json.js';
import { chainEvents, computeHash, verifyChain, type StoredChainEvent } from './hash-chain.js';
import { GENESIS_HASH, type UnchainedMetadata } from './metadata.js';

type Mutable = { type: string; data: Record<string, unknown>; metadata: Record<string, unknown>; revision: number };

const meta = (n: number): UnchainedMetadata => ({
  eventId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  correlationId: 'corr-1',
  causationId: n === 0 ? 'cmd-1' : `evt-${n - 1}`,
  actor: { kind: 'system', id: 'provisioner' },
  occurredAt: new Date(Date.UTC(2026, 10, 27, 9, 0, n)).toISOString(),
  schemaVersion: 1,
});

type Draft = { type: string; data: unknown };

const DRAFTS: Draft[] = [
  { type: 'SignupRequested', data: { tenantId: 't1', subdomain: 'acme', apps: ['erpnext', 'hrms'], organization: 'Acmé Ltd' } },
  { type: 'StepStarted', data: { tenantId: 't1', step: 'new-site', attempt: 1, runnerId: 'pm-1', leaseExpiresAt: '2026-11-27T09:05:00.000Z' } },
  { type: 'SiteCreated', data: { tenantId: 't1', siteName: 'acme.example.com', dbName: '_abc', durationMs: 1200 } },
  { type: 'StepStarted', data: { tenantId: 't1', step: 'install-app', app: 'erpnext', attempt: 1, runnerId: 'pm-1', leaseExpiresAt: '2026-11-27T09:06:00.000Z' } },
  { type: 'AppInstalled', data: { tenantId: 't1', app: 'erpnext', durationMs: 5000 } },
  { type: 'TenantActivated', data: { tenantId: 't1', siteUrl: 'https://acme.example.com' } },
];

/** A clean stream as a store would return it: revisions 0..n-1. */
function stream(drafts: readonly Draft[] = DRAFTS): Mutable[] {
  const chained = chainEvents(
    GENESIS_HASH,
    drafts.map((d, i) => ({ ...d, metadata: meta(i) })),
  );
  // Deep copy so a test can tamper freely.
  return chained.map((e, revision) => ({ ...structuredClone(e), revision }) as unknown as Mutable);
}
const verify = (events: Mutable[]) => verifyChain(events as unknown as StoredChainEvent[]);
const rehash = (e: Mutable) => {
  e.metadata.hash = computeHash(e.type, e.data, e.metadata as never);
};

describe('chainEvents', () => {
  it('links each event to the previous hash, starting at the given one', () => {
    const events = stream();
    expect(events[0].metadata.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < events.length; i++) expect(events[i].metadata.prevHash).toBe(events[i - 1].metadata.hash);
    for (const e of events) expect(e.metadata.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(events.map((e) => e.metadata.hash)).size).toBe(events.length);
  });

  it('continues an existing chain from its last hash', () => {
    const first = stream();
    const last = first[first.length - 1].metadata.hash as string;
    const [next] = chainEvents(last, [{ type: 'TenantSuspended', data: { tenantId: 't1', reason: 'unpaid' }, metadata: meta(9) }]);
    expect(next.metadata.prevHash).toBe(last);
    expect(verify([...first, { ...next, revision: first.length } as unknown as Mutable])).toEqual([]);
  });

  it('hashes type, data and metadata: changing any of them changes the hash', () => {
    const [e] = stream();
    const base = computeHash(e.type, e.data, e.metadata as never);
    expect(computeHash('Other', e.data, e.metadata as never)).not.toBe(base);
    expect(computeHash(e.type, { ...e.data, tenantId: 't2' }, e.metadata as never)).not.toBe(base);
    expect(computeHash(e.type, e.data, { ...e.metadata, occurredAt: '2026-01-01T00:00:00.000Z' } as never)).not.toBe(base);
    // The stored hash itself is not part of what is hashed.
    expect(computeHash(e.type, e.data, { ...e.metadata, hash: 'x' } as never)).toBe(base);
  });
});

describe('computeHash', () => {
  it('is SHA-256 of canonical JSON of { type, data, metadata without hash } (the stored definition)', () => {
    const definition = (type: string, data: unknown, md: Record<string, unknown>): string => {
      const { hash: _h, ...rest } = md;
      return createHash('sha256')
        .update(canonicalJson({ type, data, metadata: rest }), 'utf8')
        .digest('hex');
    };
    const md = { ...meta(3), prevHash: GENESIS_HASH, hash: 'x'.repeat(64) };
    for (const d of DRAFTS) expect(computeHash(d.type, d.data, md)).toBe(definition(d.type, d.data, md));
    expect(computeHash('T', undefined, md)).toBe(definition('T', undefined, md));
    expect(computeHash('T', { z: 1, a: ['é', null] }, { ...md, hash: undefined } as never)).toBe(definition('T', { z: 1, a: ['é', null] }, md));
  });
});

describe('verifyChain', () => {
  it('finds no problem in a clean chain, nor in an empty one', () => {
    expect(verify(stream())).toEqual([]);
    expect(verify([])).toEqual([]);
  });

  it('names an event whose data was edited without re-hashing', () => {
    const events = stream();
    (events[2].data as { durationMs: number }).durationMs = 1;
    expect(verify(events)).toEqual([{ kind: 'edited', revision: 2, message: expect.stringContaining('revision 2 (SiteCreated) was edited') }]);
  });

  it('names the edited revision when the editor re-hashed it', () => {
    const events = stream();
    (events[3].data as { app: string }).app = 'evil';
    rehash(events[3]);
    expect(verify(events)).toEqual([{ kind: 'edited', revision: 3, message: expect.stringContaining('re-hashed') }]);
  });

  it('reports one problem when only the stored hash field was overwritten', () => {
    const events = stream();
    events[1].metadata.hash = 'f'.repeat(64);
    expect(verify(events)).toEqual([expect.objectContaining({ kind: 'edited', revision: 1 })]);
  });

  it('reports one problem when the prevHash field was overwritten, also on the first event', () => {
    for (const at of [0, 3]) {
      const events = stream();
      events[at].metadata.prevHash = 'a'.repeat(64);
      expect(verify(events)).toEqual([expect.objectContaining({ kind: 'edited', revision: at })]);
    }
  });

  it('detects an event removed from the middle (revisions keep their gap)', () => {
    const events = stream();
    events.splice(2, 1);
    expect(verify(events)).toEqual([{ kind: 'removed', revision: 3, message: expect.stringContaining('removed before revision 3') }]);
  });

  it('detects several consecutive events removed', () => {
    const events = stream();
    events.splice(1, 3);
    expect(verify(events)).toEqual([expect.objectContaining({ kind: 'removed', revision: 4 })]);
  });

  it('detects the first event removed, with or without renumbering', () => {
    const gap = stream().slice(1);
    expect(verify(gap)).toEqual([expect.objectContaining({ kind: 'removed', revision: 1 })]);
    const renumbered = stream()
      .slice(1)
      .map((e, revision) => ({ ...e, revision }));
    expect(verify(renumbered)).toEqual([expect.objectContaining({ kind: 'removed', revision: 0 })]);
  });

  it('detects an event inserted in the middle with a valid own hash linking to its predecessor', () => {
    const events = stream();
    const [forged] = chainEvents(events[2].metadata.hash as string, [{ type: 'AppInstalled', data: { tenantId: 't1', app: 'backdoor', durationMs: 1 }, metadata: meta(42) }]);
    events.splice(3, 0, { ...forged, revision: 3 } as unknown as Mutable);
    events.forEach((e, i) => (e.revision = i)); // the forger renumbers the rows after it
    expect(verify(events)).toEqual([{ kind: 'inserted', revision: 3, message: expect.stringContaining('revision 3 was inserted') }]);
  });

  it('detects a run of inserted events and names the first', () => {
    const events = stream();
    const forged = chainEvents(events[1].metadata.hash as string, [
      { type: 'AppInstalled', data: { tenantId: 't1', app: 'x', durationMs: 1 }, metadata: meta(40) },
      { type: 'AppInstalled', data: { tenantId: 't1', app: 'y', durationMs: 1 }, metadata: meta(41) },
    ]);
    events.splice(2, 0, ...(forged.map((e) => ({ ...e, revision: 0 })) as unknown as Mutable[]));
    events.forEach((e, i) => (e.revision = i));
    expect(verify(events)).toEqual([expect.objectContaining({ kind: 'inserted', revision: 2, message: expect.stringContaining('revisions 2-3 were inserted') })]);
  });

  it('detects a forged first event placed in front of the real one', () => {
    const events = stream();
    const [forged] = chainEvents(GENESIS_HASH, [{ type: 'SignupRequested', data: { tenantId: 'evil' }, metadata: meta(50) }]);
    events.unshift({ ...forged, revision: 0 } as unknown as Mutable);
    events.forEach((e, i) => (e.revision = i));
    expect(verify(events)).toEqual([expect.objectContaining({ kind: 'inserted', revision: 1 })]);
  });

  it('detects a duplicated event', () => {
    const events = stream();
    events.splice(3, 0, structuredClone(events[2]));
    events.forEach((e, i) => (e.revision = i));
    expect(verify(events)).toEqual([expect.objectContaining({ kind: 'inserted', revision: 3, message: expect.stringContaining('duplicates revision 2') })]);
  });

  it.each([
    ['adjacent events in the middle', 2, 3],
    ['the last two events', 4, 5],
    ['the first two events', 0, 1],
    ['events far apart', 1, 4],
  ])('reports only reordering when %s are swapped, starting at the first moved revision', (_, a, b) => {
    const events = stream();
    const [x, y] = [events[a], events[b]];
    events[a] = { ...y, revision: a };
    events[b] = { ...x, revision: b };
    const problems = verify(events);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.map((p) => p.kind)).toEqual(problems.map(() => 'reordered'));
    expect(problems[0].revision).toBe(a);
  });

  it('reports stripped metadata once, without blaming its neighbours', () => {
    const events = stream();
    (events[2] as { metadata: unknown }).metadata = undefined;
    expect(verify(events)).toEqual([{ kind: 'missing-metadata', revision: 2, message: expect.stringContaining('no hash-chain metadata') }]);
    const partial = stream();
    delete partial[4].metadata.hash;
    expect(verify(partial)).toEqual([expect.objectContaining({ kind: 'missing-metadata', revision: 4 })]);
  });

  it('detects any single-field edit anywhere in a generated chain, at the edited revision', () => {
    const jsonValue = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }));
    const draft = fc.record({
      type: fc.constantFrom('StepStarted', 'AppInstalled', 'StepFailed', 'TenantSuspended'),
      data: fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), jsonValue, { minKeys: 1, maxKeys: 5 }),
    });
    const edit = fc.record({
      at: fc.nat(),
      where: fc.constantFrom('type', 'data', 'metadata'),
      pick: fc.nat(),
      value: fc.oneof(jsonValue, fc.uuid()),
      rehash: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(draft, { minLength: 1, maxLength: 8 }), edit, (drafts, ed) => {
        const events = stream(drafts);
        const at = ed.at % events.length;
        const target = events[at];
        let before: unknown;
        if (ed.where === 'type') {
          before = target.type;
          target.type = `${target.type}X`;
        } else {
          const record = ed.where === 'data' ? target.data : target.metadata;
          const keys = Object.keys(record).filter((k) => !(ed.rehash && (k === 'hash' || k === 'prevHash')));
          const key = keys[ed.pick % keys.length];
          before = record[key];
          // The chain fields stay strings: a non-string is 'missing-metadata', tested above.
          record[key] = key === 'hash' || key === 'prevHash' ? JSON.stringify(ed.value) : ed.value;
          fc.pre(JSON.stringify(before) !== JSON.stringify(record[key]));
        }
        // A re-hashed edit of the last event is undetectable by construction (nothing links to it).
        const rehashed = ed.rehash && at < events.length - 1;
        if (rehashed) rehash(target);
        const problems = verify(events);
        expect(problems).toEqual([expect.objectContaining({ kind: 'edited', revision: at })]);
      }),
      { numRuns: 300 },
    );
  });

  it('hashes the same whatever the key order of data and metadata', () => {
    const shuffle = <T>(xs: T[], seed: number[]): T[] => {
      const out = [...xs];
      for (let i = out.length - 1; i > 0; i--) {
        const j = (seed[i % seed.length] ?? 0) % (i + 1);
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    };
    const permute = (value: unknown, seed: number[]): unknown => {
      if (Array.isArray(value)) return value.map((v) => permute(v, seed));
      if (value && typeof value === 'object') {
        return Object.fromEntries(shuffle(Object.entries(value), seed).map(([k, v]) => [k, permute(v, seed)]));
      }
      return value;
    };
    fc.assert(
      fc.property(fc.jsonValue(), fc.array(fc.nat(), { minLength: 1, maxLength: 10 }), (data, seed) => {
        const [e] = chainEvents(GENESIS_HASH, [{ type: 'StepFailed', data, metadata: meta(1) }]);
        const permuted = { type: e.type, data: permute(e.data, seed), metadata: permute(e.metadata, seed) as typeof e.metadata };
        expect(computeHash(permuted.type, permuted.data, permuted.metadata)).toBe(e.metadata.hash);
        expect(verify([{ ...permuted, revision: 0 } as unknown as Mutable])).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
