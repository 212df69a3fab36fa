import { DuplicateEventIdError, InvalidAppendError, WrongExpectedRevisionError } from '../errors.js';
import type { AppendResult, EventToAppend, ExpectedRevision } from '../port.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Upper bound per append. The PostgreSQL adapter packs the event's index into the low 16 bits of
 * its position, and no real command produces anywhere near this many events.
 */
export const MAX_EVENTS_PER_APPEND = 65_535;

/** Rejects malformed appends the same way on every backend, before any I/O. */
export function validateAppend(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): void {
  if (typeof streamId !== 'string' || streamId.length === 0) throw new InvalidAppendError('Stream id must be a non-empty string');
  if (typeof expected === 'number' && (!Number.isSafeInteger(expected) || expected < 0)) {
    throw new InvalidAppendError(`Expected revision must be a non-negative integer, got ${expected}`);
  }
  if (events.length === 0) throw new InvalidAppendError(`Append to "${streamId}" has no events`);
  if (events.length > MAX_EVENTS_PER_APPEND) {
    throw new InvalidAppendError(`Append to "${streamId}" has ${events.length} events; at most ${MAX_EVENTS_PER_APPEND} fit in one append`);
  }
  const seen = new Set<string>();
  for (const event of events) {
    const id = event.metadata?.eventId;
    if (typeof id !== 'string' || !UUID.test(id)) throw new InvalidAppendError(`Event id ${JSON.stringify(id)} in "${streamId}" is not a UUID`);
    if (seen.has(id)) throw new InvalidAppendError(`Event id ${id} appears twice in one append to "${streamId}"`);
    seen.add(id);
    if (typeof event.type !== 'string' || event.type.length === 0) throw new InvalidAppendError(`Event ${id} has no type`);
  }
}

/** What a backend knows about a stream when it checks the expected revision (under its lock). */
export interface StreamState {
  /** Revision of the last event ever written, -1 when the stream never existed. */
  readonly lastRevision: number;
  /** Soft-deleted streams read as missing until the next append recreates them. */
  readonly deleted: boolean;
}

/** The revision the caller sees: -1 for a missing or deleted stream. */
export const visibleRevision = (state: StreamState | undefined): number => (state === undefined || state.deleted ? -1 : state.lastRevision);

/** Throws the typed conflict when `expected` does not hold for the stream's current state. */
export function checkExpected(streamId: string, expected: ExpectedRevision, state: StreamState | undefined): void {
  const actual = visibleRevision(state);
  const ok = expected === 'any' ? true : expected === 'no_stream' ? actual === -1 : expected === 'stream_exists' ? actual >= 0 : actual === expected;
  if (!ok) throw new WrongExpectedRevisionError(streamId, expected, actual);
}

/** An already stored event, as far as the idempotency check needs it. */
export interface StoredEventRef {
  readonly eventId: string;
  readonly streamId: string;
  readonly revision: number;
  readonly position: number;
}

/**
 * Decides whether an append whose ids are (partly) stored already is a retry of an earlier,
 * successful append: all ids stored, in this stream, at consecutive revisions in the same order.
 * Then the original result is returned and nothing is written. Any other overlap is a conflict.
 * Returns undefined when none of the ids is stored (the append is genuinely new).
 */
export function matchEarlierAppend(streamId: string, eventIds: readonly string[], stored: readonly StoredEventRef[]): AppendResult | undefined {
  if (stored.length === 0) return undefined;
  const byId = new Map(stored.map((s) => [s.eventId, s]));
  const first = byId.get(eventIds[0]);
  const isRetry =
    first !== undefined &&
    eventIds.every((id, i) => {
      const s = byId.get(id);
      return s !== undefined && s.streamId === streamId && s.revision === first.revision + i;
    });
  if (!isRetry)
    throw new DuplicateEventIdError(
      streamId,
      stored.map((s) => s.eventId),
    );
  const last = byId.get(eventIds[eventIds.length - 1])!;
  return { nextExpectedRevision: last.revision, position: last.position };
}

/** JSON text for storage; `undefined` has no JSON form, so it is stored (and read back) as null. */
export const toJson = (value: unknown): string => JSON.stringify(value ?? null);
