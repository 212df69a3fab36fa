import { CLAIMED, COMPLETED, RELEASED, foldKey, verdictFor, type KeyEvent } from './idempotency-state.js';

const NOW = new Date('2026-01-01T00:00:10Z');
const later = '2026-01-01T00:00:40Z';
const earlier = '2026-01-01T00:00:05Z';
const ev = (type: string, data: unknown, revision: number): KeyEvent => ({ type, data, revision });
const answer = { requestHash: 'A', status: 202, body: { tenantId: 't' } };

describe('foldKey and verdictFor', () => {
  it('a new key is claimed with no_stream', () => {
    expect(verdictFor(foldKey([]), 'A', NOW)).toEqual({ kind: 'claim', expected: 'no_stream' });
  });

  it('a live claim: the same body waits, another body is refused at once', () => {
    const s = foldKey([ev(CLAIMED, { requestHash: 'A', leaseUntil: later }, 0)]);
    expect(verdictFor(s, 'A', NOW)).toEqual({ kind: 'wait', leaseUntil: later });
    expect(verdictFor(s, 'B', NOW)).toEqual({ kind: 'reused' });
  });

  it('a claim whose lease ran out (owner crashed) is taken over by the same body only, at its revision', () => {
    const s = foldKey([ev(CLAIMED, { requestHash: 'A', leaseUntil: earlier }, 0)]);
    expect(verdictFor(s, 'A', NOW)).toEqual({ kind: 'claim', expected: 0 });
    expect(verdictFor(s, 'B', NOW)).toEqual({ kind: 'reused' });
  });

  it('an answer is replayed for the same body and refused for another, whatever follows it', () => {
    const s = foldKey([ev(CLAIMED, { requestHash: 'A', leaseUntil: later }, 0), ev(COMPLETED, answer, 1), ev(CLAIMED, { requestHash: 'B', leaseUntil: later }, 2)]);
    expect(s).toMatchObject({ kind: 'done', revision: 2 });
    expect(verdictFor(s, 'A', NOW)).toEqual({ kind: 'replay', answer });
    expect(verdictFor(s, 'B', NOW)).toEqual({ kind: 'reused' });
  });

  it('reads a record written before claims existed (a lone Completed)', () => {
    expect(verdictFor(foldKey([ev(COMPLETED, answer, 0)]), 'A', NOW)).toEqual({ kind: 'replay', answer });
  });

  it('a released key (the work failed, nothing recorded) is free for any body at its revision', () => {
    const s = foldKey([ev(CLAIMED, { requestHash: 'A', leaseUntil: later }, 0), ev(RELEASED, {}, 1)]);
    expect(verdictFor(s, 'B', NOW)).toEqual({ kind: 'claim', expected: 1 });
  });

  it('keeps the revision across an unknown event type', () => {
    expect(foldKey([ev(CLAIMED, { requestHash: 'A', leaseUntil: earlier }, 0), ev('SomethingNewer', {}, 1)])).toMatchObject({ kind: 'claimed', revision: 1 });
  });
});
