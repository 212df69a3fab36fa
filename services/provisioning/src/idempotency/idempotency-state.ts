/**
 * The life of one Idempotency-Key, folded from its stream (`idempotency-<sha256(key)>`):
 *
 *   (none) --Claimed--> claimed --Completed--> done
 *                          |  \--Released--> free --Claimed--> claimed ...
 *                          \--(lease over) Claimed by another request with the same body
 *
 * The claim is appended before any work (with `no_stream`, or the revision it replaces), so of
 * racing requests exactly one does the work; the others read whose claim it is. A claim holds
 * the request's fingerprint: a racer with another body is refused without doing anything. Its
 * lease bounds how long a crashed owner can hold the key: after it, a request with the same
 * body may claim again and redo the work, which is safe because the signup is idempotent for
 * the same person's running signup (signup.service.ts `sameSignupRunning`).
 * Streams written before claims existed hold a lone Completed event; they fold to `done`.
 */
export interface StoredAnswer {
  readonly requestHash: string;
  readonly status: number;
  readonly body: unknown;
}

export const CLAIMED = 'IdempotentRequestClaimed';
export const COMPLETED = 'IdempotentRequestCompleted';
export const RELEASED = 'IdempotentRequestReleased';

export interface ClaimData {
  readonly requestHash: string;
  /** ISO-8601: until then the claim's owner is presumed alive and working. */
  readonly leaseUntil: string;
}

export type KeyState =
  /** `revision` is the stream's last revision, undefined when there is no stream yet. */
  | { readonly kind: 'free'; readonly revision: number | undefined }
  | { readonly kind: 'claimed'; readonly revision: number; readonly claim: ClaimData }
  | { readonly kind: 'done'; readonly revision: number; readonly answer: StoredAnswer };

export interface KeyEvent {
  readonly type: string;
  readonly data: unknown;
  readonly revision: number;
}

export function foldKey(events: readonly KeyEvent[]): KeyState {
  let state: KeyState = { kind: 'free', revision: undefined };
  for (const e of events) {
    if (state.kind === 'done') return { ...state, revision: e.revision };
    switch (e.type) {
      case CLAIMED:
        state = { kind: 'claimed', revision: e.revision, claim: e.data as ClaimData };
        break;
      case COMPLETED:
        state = { kind: 'done', revision: e.revision, answer: e.data as StoredAnswer };
        break;
      case RELEASED:
        state = { kind: 'free', revision: e.revision };
        break;
      default:
        // An event type of a later version: keep the revision, so appends still line up.
        state = { ...state, revision: e.revision };
    }
  }
  return state;
}

/** What a request holding `fingerprint` may do with the key at `now`. */
export type Verdict =
  | { readonly kind: 'replay'; readonly answer: StoredAnswer }
  | { readonly kind: 'reused' }
  | { readonly kind: 'wait'; readonly leaseUntil: string }
  | { readonly kind: 'claim'; readonly expected: number | 'no_stream' };

export function verdictFor(state: KeyState, fingerprint: string, now: Date): Verdict {
  switch (state.kind) {
    case 'done':
      return state.answer.requestHash === fingerprint ? { kind: 'replay', answer: state.answer } : { kind: 'reused' };
    case 'claimed':
      if (state.claim.requestHash !== fingerprint) return { kind: 'reused' };
      if (Date.parse(state.claim.leaseUntil) > now.getTime()) return { kind: 'wait', leaseUntil: state.claim.leaseUntil };
      return { kind: 'claim', expected: state.revision };
    case 'free':
      return { kind: 'claim', expected: state.revision ?? 'no_stream' };
    default: {
      const never: never = state;
      return never;
    }
  }
}
