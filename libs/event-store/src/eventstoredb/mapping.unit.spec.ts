import { StreamDeletedError, StreamNotFoundError as EsdbStreamNotFound, WrongExpectedVersionError, type ResolvedEvent } from '@eventstore/db-client';
import { StreamNotFoundError, WrongExpectedRevisionError } from '../errors.js';
import { isSystemEvent, mapError, toEsdbExpected, toEventData, toRecorded } from './mapping.js';

// No EventStoreDB server runs here; these pin the pure mappings the adapter relies on.
describe('EventStoreDB mappings', () => {
  const id = '0f8fad5b-d9cb-469f-a165-70867728950e';

  it('maps expected revisions', () => {
    expect(toEsdbExpected('no_stream')).toBe('no_stream');
    expect(toEsdbExpected('stream_exists')).toBe('stream_exists');
    expect(toEsdbExpected('any')).toBe('any');
    expect(toEsdbExpected(7)).toBe(7n);
  });

  it('sends our ids and copies correlation/causation ids to $correlationId/$causationId', () => {
    const data = toEventData({ type: 'SignupRequested', data: { a: 1 }, metadata: { eventId: id, correlationId: 'c', causationId: 'k' } });
    expect(data.id).toBe(id);
    expect(data.type).toBe('SignupRequested');
    expect(data.metadata).toEqual({ eventId: id, correlationId: 'c', causationId: 'k', $correlationId: 'c', $causationId: 'k' });
  });

  it('reads events back with the metadata as sent and numeric revision/position', () => {
    const resolved = {
      event: {
        streamId: 'tenant-1',
        id: id.toLowerCase(),
        isJson: true,
        revision: 3n,
        type: 'SignupRequested',
        created: new Date('2026-01-02T03:04:05Z'),
        data: { a: 1 },
        metadata: { eventId: id, correlationId: 'c', $correlationId: 'c' },
        position: { commit: 1234n, prepare: 1234n },
      },
    } as unknown as ResolvedEvent;
    expect(toRecorded(resolved)).toEqual({
      streamId: 'tenant-1',
      eventId: id,
      type: 'SignupRequested',
      data: { a: 1 },
      metadata: { eventId: id, correlationId: 'c' },
      revision: 3,
      position: 1234,
      recordedAt: '2026-01-02T03:04:05.000Z',
    });
    expect(isSystemEvent(resolved)).toBe(false);
    expect(isSystemEvent({ event: { ...resolved.event!, type: '$metadata' } } as ResolvedEvent)).toBe(true);
  });

  it('maps the client errors to the port errors', () => {
    const wrong = mapError(new WrongExpectedVersionError(undefined, { streamName: 's', expected: 'no_stream', current: 4n }), 's', 'no_stream');
    expect(wrong).toBeInstanceOf(WrongExpectedRevisionError);
    expect(wrong).toMatchObject({ streamId: 's', expected: 'no_stream', actual: 4 });
    const missing = mapError(new WrongExpectedVersionError(undefined, { streamName: 's', expected: 2n, current: 'no_stream' }), 's', 2);
    expect(missing).toMatchObject({ actual: -1 });
    expect(mapError(new EsdbStreamNotFound(undefined, 's'), 's')).toBeInstanceOf(StreamNotFoundError);
    expect(mapError(StreamDeletedError.fromStreamName('s'), 's')).toBeInstanceOf(StreamNotFoundError);
    const other = new Error('boom');
    expect(mapError(other, 's')).toBe(other);
  });
});
