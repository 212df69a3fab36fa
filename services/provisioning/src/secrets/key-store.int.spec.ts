/**
 * The PostgreSQL key store outlives a connection the server ends (restart, failover, idle
 * timeout): the pool drops it and the next call gets a new one, instead of an unhandled 'error'
 * ending the service.
 */
import pg from 'pg';
import { createTestDatabase } from '@tlc/event-store/testing';
import { createKeyStore } from './key-store.js';

it('answers after the server ended its idle connection', async () => {
  const db = await createTestDatabase('tlc_keys_killed');
  const keys = await createKeyStore(db.url);
  try {
    const wrapped = Buffer.from('wrapped-key-bytes');
    await keys.putIfAbsent('tenant-a', wrapped);
    const killer = new pg.Client({ connectionString: db.url });
    await killer.connect();
    try {
      const { rows } = await killer.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
      expect(rows.length).toBeGreaterThan(0);
    } finally {
      await killer.end();
    }
    await new Promise((r) => setTimeout(r, 200)); // the pool hears of it meanwhile
    expect(await keys.get('tenant-a')).toEqual(wrapped);
  } finally {
    await keys.close();
    await db.drop();
  }
});
