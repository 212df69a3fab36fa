import {
  ANY,
  NO_STREAM,
  STREAM_EXISTS,
  StreamDeletedError,
  StreamNotFoundError as EsdbStreamNotFound,
  WrongExpectedVersionError,
  jsonEvent,
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  type EventData,
  type JSONType,
  type Position,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { StreamNotFoundError, WrongExpectedRevisionError } from '../errors.js';
import type { EventToAppend, ExpectedRevision, RecordedEvent } from '../port.js';

export const toEsdbExpected = (expected: ExpectedRevision): AppendExpectedRevision =>
  expected === 'no_stream' ? NO_STREAM : expected === 'stream_exists' ? STREAM_EXISTS : expected === 'any' ? ANY : BigInt(expected);

/**
 * Our correlation/causation ids also go where EventStoreDB's own tooling (projections, the UI's
 * correlation view) looks for them: `$correlationId` / `$causationId` in the metadata.
 */
export function toEventData(event: EventToAppend): EventData {
  const metadata: Record<string, unknown> = { ...event.metadata };
  if (typeof metadata.correlationId === 'string') metadata.$correlationId = metadata.correlationId;
  if (typeof metadata.causationId === 'string') metadata.$causationId = metadata.causationId;
  return jsonEvent({ id: event.metadata.eventId, type: event.type, data: (event.data ?? null) as JSONType, metadata });
}

/** The `$` copies we added are removed again, so metadata round-trips unchanged. */
function fromMetadata(raw: unknown): Record<string, unknown> {
  const metadata = { ...((raw ?? {}) as Record<string, unknown>) };
  if (metadata.$correlationId === metadata.correlationId) delete metadata.$correlationId;
  if (metadata.$causationId === metadata.causationId) delete metadata.$causationId;
  return metadata;
}

/**
 * Positions: the commit position (a byte offset in the transaction log) as a Number, exact up
 * to 2^53 bytes (8 PiB of log). Each event of an append has its own commit position on current
 * servers. Events read from a single stream carry no position on servers older than 22.x; they
 * then report -1 (readAll and subscriptions always have one).
 */
export const toNumberPosition = (position: Position | undefined): number => (position === undefined ? -1 : Number(position.commit));
export const toEsdbPosition = (position: number): Position => ({ commit: BigInt(position), prepare: BigInt(position) });

/** System events ($-types, $-streams such as the metadata a soft delete writes) are not ours. */
export const isSystemEvent = (resolved: AllStreamResolvedEvent | ResolvedEvent): boolean => {
  const event = resolved.event;
  return event === undefined || event.type.startsWith('$') || event.streamId.startsWith('$');
};

export function toRecorded(resolved: AllStreamResolvedEvent | ResolvedEvent): RecordedEvent {
  const event = resolved.event!;
  const metadata = fromMetadata(event.metadata);
  const data = event.isJson ? event.data : JSON.parse(Buffer.from(event.data as Uint8Array).toString('utf8'));
  return {
    streamId: event.streamId,
    // The id as we sent it (the server re-formats UUIDs in lower case).
    eventId: typeof metadata.eventId === 'string' ? metadata.eventId : event.id,
    type: event.type,
    data,
    metadata,
    revision: Number(event.revision),
    position: toNumberPosition(event.position),
    recordedAt: event.created.toISOString(),
  };
}

/** Translates the client's errors to the port's; anything else passes through unchanged. */
export function mapError(error: unknown, streamId: string, expected?: ExpectedRevision): unknown {
  if (error instanceof WrongExpectedVersionError) {
    const actual = error.actualVersion;
    return new WrongExpectedRevisionError(streamId, expected ?? 'any', actual === NO_STREAM ? -1 : typeof actual === 'bigint' ? Number(actual) : undefined);
  }
  if (error instanceof EsdbStreamNotFound || error instanceof StreamDeletedError) return new StreamNotFoundError(streamId);
  return error;
}
