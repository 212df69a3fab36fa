import { EventStoreConfigError } from '../errors.js';
import type { EventStore } from '../port.js';

// Placeholder until the PostgreSQL adapter lands (next commit).
export class PostgresEventStore {
  static async start(_url: string, _options: { pollMs?: number; poolSize?: number }): Promise<EventStore> {
    throw new EventStoreConfigError('EVENT_STORE_URL: the PostgreSQL adapter is not available yet');
  }
}
