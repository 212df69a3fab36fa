import { afterAttempt, defaultBackoff, evolveMail, initialMailState, nextMailStep, type MailEvent, type MailPolicy } from './mail-state.js';

const T0 = Date.parse('2026-12-04T10:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
const fold = (...events: MailEvent[]) => events.reduce(evolveMail, initialMailState);
const claimed = (attempt: number, leaseUntil: number): MailEvent => ({ type: 'MailClaimed', data: { kind: 'verify-email', runnerId: 'a', attempt, leaseUntil: iso(leaseUntil) } });
const policy: MailPolicy = { leaseMs: 60_000, maxAttempts: 3, backoffMs: defaultBackoff };

describe('the outbox rule for one message', () => {
  it('claims a new message with no_stream', () => expect(nextMailStep(initialMailState, T0)).toEqual({ kind: 'claim', attempt: 1, expected: 'no_stream' }));
  it('waits while another sender holds a live lease', () => expect(nextMailStep(fold(claimed(1, T0 + 30_000)), T0)).toEqual({ kind: 'wait', until: T0 + 30_000 }));
  it('takes over a message whose sender died (lease over), as the next attempt at the revision it saw', () =>
    expect(nextMailStep(fold(claimed(1, T0 - 1)), T0)).toEqual({ kind: 'claim', attempt: 2, expected: 0 }));
  it('waits for the retry time after a failure, then claims again', () => {
    const s = fold(claimed(1, T0 + 60_000), afterAttempt(1, { ok: false, error: '451' }, T0, policy));
    expect(s.status).toBe('failed');
    expect(nextMailStep(s, T0)).toEqual({ kind: 'wait', until: T0 + defaultBackoff(1) });
    expect(nextMailStep(s, T0 + defaultBackoff(1))).toEqual({ kind: 'claim', attempt: 2, expected: 1 });
  });
  it('dead-letters at the last attempt and then never sends again', () => {
    const dead = afterAttempt(3, { ok: false, error: 'refused' }, T0, policy);
    expect(dead.type).toBe('MailDeadLettered');
    expect(nextMailStep(fold(claimed(3, T0), dead), T0 + 10 ** 9)).toEqual({ kind: 'settled' });
  });
  it('never sends a message again once it was sent or skipped', () => {
    expect(nextMailStep(fold(claimed(1, T0), { type: 'MailSent', data: { attempt: 1, messageId: '<x>' } }), T0 + 10 ** 9)).toEqual({ kind: 'settled' });
    expect(nextMailStep(fold(claimed(1, T0), { type: 'MailSkipped', data: { reason: 'verified' } }), T0)).toEqual({ kind: 'settled' });
  });
  it('backs off exponentially up to five minutes', () => {
    expect([1, 2, 3, 4].map(defaultBackoff)).toEqual([2000, 4000, 8000, 16000]);
    expect(defaultBackoff(30)).toBe(300_000);
  });
});
