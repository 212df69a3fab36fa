import { EventStoreConfigError } from './errors.js';
import { createEventStore, describeEventStoreUrl } from './factory.js';
import { parseEventStoreUrl } from './url.js';

describe('EVENT_STORE_URL parsing', () => {
  it('recognises every accepted form', () => {
    expect(parseEventStoreUrl('sqlite:./data/events.db')).toEqual({ kind: 'sqlite', path: './data/events.db' });
    expect(parseEventStoreUrl('sqlite::memory:')).toEqual({ kind: 'sqlite', path: ':memory:' });
    expect(parseEventStoreUrl('postgres://u:p@h:5432/d').kind).toBe('postgres');
    expect(parseEventStoreUrl('postgresql://h/d').kind).toBe('postgres');
    expect(parseEventStoreUrl('esdb://h:2113?tls=false')).toEqual({ kind: 'esdb', url: 'esdb://h:2113?tls=false' });
    expect(parseEventStoreUrl('esdb+discover://h:2113')).toEqual({ kind: 'esdb', url: 'esdb+discover://h:2113' });
    expect(parseEventStoreUrl('kurrentdb://h:2113')).toEqual({ kind: 'esdb', url: 'esdb://h:2113' });
    expect(parseEventStoreUrl('kurrentdb+discover://h:2113')).toEqual({ kind: 'esdb', url: 'esdb+discover://h:2113' });
  });

  it('rejects an unknown scheme with a coded error naming the variable and the accepted forms', async () => {
    for (const bad of ['mysql://h/d', 'events.db', '', 'sqlite:']) {
      expect(() => parseEventStoreUrl(bad)).toThrow(EventStoreConfigError);
    }
    await expect(createEventStore('mongodb://h/d')).rejects.toMatchObject({
      code: 'EVENT_STORE.BAD_URL',
      message: expect.stringMatching(/EVENT_STORE_URL.*"mongodb".*sqlite:<path>.*postgres:\/\/.*esdb:\/\//),
    });
  });

  it('describes a backend without its password', () => {
    expect(describeEventStoreUrl('postgres://app:s3cr%40t@db:5432/ev')).toBe('postgres postgres://app:***@db:5432/ev');
    expect(describeEventStoreUrl('postgresql://db/ev?user=app&password=s3cret')).toBe('postgres postgresql://db/ev?user=app&password=***');
    expect(describeEventStoreUrl('esdb://admin:changeit@es:2113?tls=false')).toBe('eventstoredb esdb://admin:***@es:2113?tls=false');
    expect(describeEventStoreUrl('sqlite:./data/events.db')).toBe('sqlite ./data/events.db');
    expect(describeEventStoreUrl('sqlite::memory:')).toBe('sqlite (in memory)');
  });
});
