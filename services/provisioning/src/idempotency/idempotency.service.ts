/**
 * Idempotency-Key records, durable and shared by every instance: one stream per key,
 * `idempotency-<sha256(key)>`, created with `no_stream` and holding the request's fingerprint
 * and the answer. The fingerprint is an HMAC (keyed with SECRETS_KEY), because the body holds
 * a password and a plain hash of it would be a guessable copy.
 */
import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { WrongExpectedRevisionError, type EventStore } from '@tlc/event-store';
import { canonicalJson } from '@tlc/tenant-events';
import type { ProvisioningConfig } from '../config/config.js';
import { CONFIG, EVENT_STORE } from '../config/tokens.js';
import { newId, sha256Hex } from '../shared/ids.js';
import { readStreamOrEmpty } from '../tenants/tenant-repository.js';

export interface StoredAnswer {
  readonly requestHash: string;
  readonly status: number;
  readonly body: unknown;
}

export const IDEMPOTENCY_EVENT = 'IdempotentRequestCompleted';
export const idempotencyStream = (key: string): string => `idempotency-${sha256Hex(key)}`;
export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,255}$/;

@Injectable()
export class IdempotencyService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CONFIG) private readonly config: ProvisioningConfig,
  ) {}

  fingerprint(scope: string, body: unknown): string {
    return createHmac('sha256', this.config.secretsKey).update(`idempotency:${scope}:`).update(canonicalJson(body)).digest('hex');
  }

  async find(key: string): Promise<StoredAnswer | undefined> {
    const [first] = await readStreamOrEmpty(this.store, idempotencyStream(key));
    return first ? (first.data as StoredAnswer) : undefined;
  }

  /** Records the answer; if another instance recorded one first, theirs is the answer. */
  async save(key: string, answer: StoredAnswer, meta: { correlationId: string; now: string }): Promise<StoredAnswer> {
    try {
      await this.store.append(idempotencyStream(key), [{
        type: IDEMPOTENCY_EVENT,
        data: answer,
        metadata: { eventId: newId(), correlationId: meta.correlationId, occurredAt: meta.now, schemaVersion: 1 },
      }], 'no_stream');
      return answer;
    } catch (e) {
      if (!(e instanceof WrongExpectedRevisionError)) throw e;
      return (await this.find(key)) ?? answer;
    }
  }
}
