import type { ExpectedRevision } from './port.js';

/** The one conflict error every adapter throws, whatever the backend says. */
export class WrongExpectedRevisionError extends Error {
  readonly code = 'EVENT_STORE.WRONG_EXPECTED_REVISION';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** Revision of the stream's last event, -1 when it does not exist, undefined when unknown. */
    readonly actual: number | undefined,
  ) {
    super(`Append to "${streamId}" expected ${String(expected)} but the stream is at ${actual === undefined ? 'an unknown revision' : actual < 0 ? 'no_stream' : actual}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

export class StreamNotFoundError extends Error {
  readonly code = 'EVENT_STORE.STREAM_NOT_FOUND';
  constructor(readonly streamId: string) {
    super(`Stream "${streamId}" does not exist`);
    this.name = 'StreamNotFoundError';
  }
}

/** The configured URL is malformed or names an unknown backend. */
export class EventStoreConfigError extends Error {
  readonly code = 'EVENT_STORE.BAD_URL';
  constructor(message: string) {
    super(message);
    this.name = 'EventStoreConfigError';
  }
}

/**
 * An append re-used event ids that are already stored somewhere else (another stream, another
 * revision, or only some of them): it is neither a fresh append nor a retry of an earlier one.
 */
export class DuplicateEventIdError extends Error {
  readonly code = 'EVENT_STORE.DUPLICATE_EVENT_ID';
  constructor(
    readonly streamId: string,
    readonly eventIds: readonly string[],
  ) {
    super(`Append to "${streamId}" re-uses event id(s) ${eventIds.join(', ')} already stored elsewhere`);
    this.name = 'DuplicateEventIdError';
  }
}

/** The append itself is malformed (no events, a bad or repeated event id, too many events). */
export class InvalidAppendError extends Error {
  readonly code = 'EVENT_STORE.INVALID_APPEND';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAppendError';
  }
}
