/** Reading a stream that may not exist (yet, or any more) without a try/catch at every call. */
import { StreamNotFoundError, type EventStore, type RecordedEvent } from '@tlc/event-store';

export async function readStream(store: EventStore, stream: string): Promise<RecordedEvent[]>;
/** From a revision on: undefined when the stream does not exist (any more). */
export async function readStream(store: EventStore, stream: string, fromRevision: number): Promise<RecordedEvent[] | undefined>;
export async function readStream(store: EventStore, stream: string, fromRevision?: number): Promise<RecordedEvent[] | undefined> {
  try {
    return await store.readStream(stream, fromRevision === undefined ? undefined : { fromRevision });
  } catch (e) {
    if (e instanceof StreamNotFoundError) return fromRevision === undefined ? [] : undefined;
    throw e;
  }
}
