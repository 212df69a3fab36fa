import { EventStoreConfigError } from '../errors.js';
import type { EventStore } from '../port.js';

// Placeholder until the EventStoreDB adapter lands.
export const EventStoreDbEventStore = class {
  constructor(_url: string) {
    throw new EventStoreConfigError('EVENT_STORE_URL: the EventStoreDB adapter is not available yet');
  }
} as unknown as new (url: string) => EventStore;
