import { DuplicateEventIdError, InvalidAppendError, WrongExpectedRevisionError } from '../errors.js';
import { checkExpected, matchEarlierAppend, validateAppend } from './append-rules.js';

const id = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const ref = (n: number, streamId: string, revision: number) => ({ eventId: id(n), streamId, revision, position: 100 + revision });

describe('append rules', () => {
  it('checks expected revisions against live, missing and deleted streams', () => {
    const live = { lastRevision: 2, deleted: false };
    const deleted = { lastRevision: 2, deleted: true };
    expect(() => checkExpected('s', 'no_stream', undefined)).not.toThrow();
    expect(() => checkExpected('s', 'no_stream', deleted)).not.toThrow();
    expect(() => checkExpected('s', 'no_stream', live)).toThrow(WrongExpectedRevisionError);
    expect(() => checkExpected('s', 'stream_exists', deleted)).toThrow(WrongExpectedRevisionError);
    expect(() => checkExpected('s', 2, live)).not.toThrow();
    expect(() => checkExpected('s', 2, deleted)).toThrow(expect.objectContaining({ actual: -1 }));
    expect(() => checkExpected('s', 'any', undefined)).not.toThrow();
  });

  it('recognises a retry only when every id sits in this stream at consecutive revisions', () => {
    expect(matchEarlierAppend('s', [id(1), id(2)], [])).toBeUndefined();
    expect(matchEarlierAppend('s', [id(1), id(2)], [ref(2, 's', 4), ref(1, 's', 3)])).toEqual({ nextExpectedRevision: 4, position: 104 });
    expect(() => matchEarlierAppend('s', [id(1), id(2)], [ref(1, 's', 3)])).toThrow(DuplicateEventIdError);
    expect(() => matchEarlierAppend('s', [id(1), id(2)], [ref(1, 's', 3), ref(2, 's', 5)])).toThrow(DuplicateEventIdError);
    expect(() => matchEarlierAppend('s', [id(1)], [ref(1, 'other', 0)])).toThrow(DuplicateEventIdError);
  });

  it('rejects malformed appends before any I/O', () => {
    const ev = (eventId: string) => ({ type: 'T', data: {}, metadata: { eventId } });
    expect(() => validateAppend('s', [], 'any')).toThrow(InvalidAppendError);
    expect(() => validateAppend('s', [ev('not-a-uuid')], 'any')).toThrow(/not a UUID/);
    expect(() => validateAppend('s', [ev(id(1)), ev(id(1))], 'any')).toThrow(/twice/);
    expect(() => validateAppend('', [ev(id(1))], 'any')).toThrow(InvalidAppendError);
    expect(() => validateAppend('s', [ev(id(1))], -1)).toThrow(InvalidAppendError);
    expect(() => validateAppend('s', [ev(id(1))], 0)).not.toThrow();
  });
});
