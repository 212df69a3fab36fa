/**
 * One outbox stream per message, `mail-<eventId>`: who claimed it, each attempt, and how it
 * ended. Exactly-once across instances comes from the stream's revision: a claim is an append
 * at the revision the claimer saw, so of two instances only one holds a message at a time; a
 * claim carries a lease, so a message whose sender died is taken over after it. `nextMailStep`
 * is the pure rule the outbox follows.
 */
import type { MailKind } from './mail-intents.js';

export const mailStream = (eventId: string): string => `mail-${eventId}`;

export type MailEvent =
  | { type: 'MailClaimed'; data: { kind: MailKind; runnerId: string; attempt: number; leaseUntil: string } }
  | { type: 'MailSent'; data: { attempt: number; messageId: string } }
  | { type: 'MailFailed'; data: { attempt: number; error: string; retryAt: string } }
  | { type: 'MailDeadLettered'; data: { attempt: number; error: string } }
  | { type: 'MailSkipped'; data: { reason: string } };

export const MAIL_EVENT_TYPES = ['MailClaimed', 'MailSent', 'MailFailed', 'MailDeadLettered', 'MailSkipped'] as const;

export interface MailState {
  readonly revision: number;
  readonly status: 'new' | 'claimed' | 'failed' | 'sent' | 'dead' | 'skipped';
  readonly attempts: number;
  readonly leaseUntil?: string;
  readonly retryAt?: string;
  readonly lastError?: string;
}

export const initialMailState: MailState = Object.freeze({ revision: -1, status: 'new', attempts: 0 });

export function evolveMail(s: MailState, e: MailEvent): MailState {
  const revision = s.revision + 1;
  switch (e.type) {
    case 'MailClaimed':
      return { ...s, revision, status: 'claimed', attempts: e.data.attempt, leaseUntil: e.data.leaseUntil };
    case 'MailSent':
      return { ...s, revision, status: 'sent' };
    case 'MailFailed':
      return { ...s, revision, status: 'failed', retryAt: e.data.retryAt, lastError: e.data.error, leaseUntil: undefined };
    case 'MailDeadLettered':
      return { ...s, revision, status: 'dead', lastError: e.data.error };
    case 'MailSkipped':
      return { ...s, revision, status: 'skipped' };
    default: {
      const never: never = e;
      throw new Error(`unhandled mail event ${JSON.stringify(never)}`);
    }
  }
}

export interface MailPolicy {
  readonly leaseMs: number;
  readonly maxAttempts: number;
  /** Delay before attempt n+1 after n failed ones. */
  backoffMs(failedAttempts: number): number;
}

export const defaultBackoff = (failed: number): number => Math.min(5 * 60_000, 2_000 * 2 ** Math.max(0, failed - 1));

export type MailStep = { readonly kind: 'claim'; readonly attempt: number; readonly expected: number | 'no_stream' } | { readonly kind: 'wait'; readonly until: number } | { readonly kind: 'settled' };

export function nextMailStep(s: MailState, now: number): MailStep {
  const expected = s.revision < 0 ? ('no_stream' as const) : s.revision;
  switch (s.status) {
    case 'new':
      return { kind: 'claim', attempt: 1, expected };
    case 'claimed': {
      // Someone holds it; after their lease it is ours to redo (they may have died mid-send).
      const until = Date.parse(s.leaseUntil ?? '');
      return until > now ? { kind: 'wait', until } : { kind: 'claim', attempt: s.attempts + 1, expected };
    }
    case 'failed': {
      const at = Date.parse(s.retryAt ?? '');
      return at > now ? { kind: 'wait', until: at } : { kind: 'claim', attempt: s.attempts + 1, expected };
    }
    case 'sent':
    case 'dead':
    case 'skipped':
      return { kind: 'settled' };
    default: {
      const never: never = s.status;
      throw new Error(`unhandled mail status ${String(never)}`);
    }
  }
}

/** What a finished attempt records: sent, failed with a retry time, or dead-lettered at the last attempt. */
export function afterAttempt(attempt: number, outcome: { ok: true; messageId: string } | { ok: false; error: string }, now: number, policy: MailPolicy): MailEvent {
  if (outcome.ok) return { type: 'MailSent', data: { attempt, messageId: outcome.messageId } };
  if (attempt >= policy.maxAttempts) return { type: 'MailDeadLettered', data: { attempt, error: outcome.error } };
  return { type: 'MailFailed', data: { attempt, error: outcome.error, retryAt: new Date(now + policy.backoffMs(attempt)).toISOString() } };
}
