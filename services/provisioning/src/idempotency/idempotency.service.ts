/**
 * Idempotency-Key records, durable and shared by every instance: one stream per key,
 * `idempotency-<sha256(key)>` (see idempotency-state.ts for its life). The key is claimed
 * before the work, so one key can never do the work twice at once (issue 15: 20 racing bodies
 * under one key made 20 tenants). The fingerprint is an HMAC (keyed with SECRETS_KEY), because
 * the body holds a password and a plain hash of it would be a guessable copy.
 */
import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { WrongExpectedRevisionError, type EventStore, type ExpectedRevision } from '@tlc/event-store';
import { canonicalJson } from '@tlc/tenant-events';
import type { ProvisioningConfig } from '../config/config.js';
import { CONFIG, EVENT_STORE } from '../config/tokens.js';
import { SIGNUP_DEADLINE_MS } from '../reservations/reservation-state.js';
import { DomainError } from '../shared/domain-error.js';
import { newId, sha256Hex } from '../shared/ids.js';
import { readStreamOrEmpty } from '../tenants/tenant-repository.js';
import { CLAIMED, COMPLETED, RELEASED, foldKey, verdictFor, type KeyState, type StoredAnswer } from './idempotency-state.js';

export type { StoredAnswer } from './idempotency-state.js';
export const IDEMPOTENCY_EVENT = COMPLETED;
export const idempotencyStream = (key: string): string => `idempotency-${sha256Hex(key)}`;
export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,255}$/;

export interface IdempotencyTiming {
  /** How long a claim is presumed alive: past the signup's own deadline, so a live owner keeps it. */
  leaseMs: number;
  /** How long a request with the same body waits for the owner's answer before a 409. */
  waitMs: number;
  pollMs: number;
}

/** The claim this request won: it must end in complete() or release(). */
export interface OwnedClaim {
  readonly key: string;
  readonly revision: number;
}

export type Begin = { readonly kind: 'replay'; readonly answer: StoredAnswer } | { readonly kind: 'owner'; readonly claim: OwnedClaim };

interface Meta {
  readonly correlationId: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

@Injectable()
export class IdempotencyService {
  /** Mutable so that specs can shorten it; nothing else changes it. */
  timing: IdempotencyTiming = { leaseMs: SIGNUP_DEADLINE_MS + 10_000, waitMs: 5_000, pollMs: 50 };

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CONFIG) private readonly config: ProvisioningConfig,
  ) {}

  fingerprint(scope: string, body: unknown): string {
    return createHmac('sha256', this.config.secretsKey).update(`idempotency:${scope}:`).update(canonicalJson(body)).digest('hex');
  }

  async state(key: string): Promise<KeyState> {
    return foldKey(await readStreamOrEmpty(this.store, idempotencyStream(key)));
  }

  /**
   * Claims the key for this request, or returns the answer recorded for the same body. Throws
   * IDEMPOTENCY.KEY_REUSED at once for another body (claimed or answered), and
   * IDEMPOTENCY.IN_PROGRESS when the same body's owner has not answered within timing.waitMs.
   */
  async begin(key: string, fingerprint: string, meta: Meta): Promise<Begin> {
    const deadline = Date.now() + this.timing.waitMs;
    for (;;) {
      const verdict = verdictFor(await this.state(key), fingerprint, new Date());
      switch (verdict.kind) {
        case 'replay':
          return { kind: 'replay', answer: verdict.answer };
        case 'reused':
          throw new DomainError('IDEMPOTENCY.KEY_REUSED', 'This Idempotency-Key was already used with a different request body.', { field: 'Idempotency-Key' });
        case 'wait':
          if (Date.now() >= deadline) {
            throw new DomainError('IDEMPOTENCY.IN_PROGRESS', 'A request with this Idempotency-Key and body is still being processed; retry with the same key and body.', {
              field: 'Idempotency-Key',
              extra: { retryAfterSeconds: 1 },
            });
          }
          await sleep(this.timing.pollMs);
          break;
        case 'claim': {
          const revision = await this.tryAppend(key, CLAIMED, { requestHash: fingerprint, leaseUntil: new Date(Date.now() + this.timing.leaseMs).toISOString() }, verdict.expected, meta);
          if (revision !== undefined) return { kind: 'owner', claim: { key, revision } };
          break; // someone else appended first: read again
        }
        default: {
          const never: never = verdict;
          throw new Error(`unhandled verdict ${String(never)}`);
        }
      }
    }
  }

  /** Records the owner's answer. If a same-body request took the key over and answered first, theirs is the answer. */
  async complete(claim: OwnedClaim, answer: StoredAnswer, meta: Meta): Promise<StoredAnswer> {
    let expected: ExpectedRevision = claim.revision;
    for (let attempt = 0; attempt < 5; attempt++) {
      if ((await this.tryAppend(claim.key, COMPLETED, answer, expected, meta)) !== undefined) return answer;
      const now = await this.state(claim.key);
      if (now.kind === 'done') return now.answer;
      expected = now.revision ?? 'no_stream';
    }
    throw new DomainError('TENANT.CONCURRENCY_EXHAUSTED', 'The answer could not be recorded; retry with the same Idempotency-Key.');
  }

  /**
   * Whether this request still holds its claim: nobody took the key over (a same-body retry
   * after the lease ran out) and nobody answered. A signup undoes its holds only while it does,
   * since a request that took over works under the same tenant id (signup.service.ts).
   */
  async stillOwns(claim: OwnedClaim): Promise<boolean> {
    const now = await this.state(claim.key);
    return now.kind === 'claimed' && now.revision === claim.revision;
  }

  /** Frees the key after a failure, so a retry does the work again. Best effort: the lease covers a lost release. */
  async release(claim: OwnedClaim, meta: Meta): Promise<void> {
    try {
      await this.tryAppend(claim.key, RELEASED, {}, claim.revision, meta);
    } catch {
      // The store is failing too; the claim's lease runs out on its own.
    }
  }

  /** The new revision, or undefined when the expected revision was not the stream's. */
  private async tryAppend(key: string, type: string, data: unknown, expected: ExpectedRevision, meta: Meta): Promise<number | undefined> {
    try {
      const result = await this.store.append(
        idempotencyStream(key),
        [
          {
            type,
            data,
            metadata: { eventId: newId(), correlationId: meta.correlationId, occurredAt: new Date().toISOString(), schemaVersion: 1 },
          },
        ],
        expected,
      );
      return result.nextExpectedRevision;
    } catch (e) {
      if (e instanceof WrongExpectedRevisionError) return undefined;
      throw e;
    }
  }
}
