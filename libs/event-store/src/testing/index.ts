/**
 * Test helpers for other workspaces (Jest maps `@tlc/event-store/testing` here; it is not part of
 * the built package): run the shared contract against another EventStore implementation, drain a
 * subscription, or get a throw-away PostgreSQL database.
 */
export { describeEventStoreContract, type ContractOptions } from '../test-support/event-store.contract.js';
export { Collector, ev, sleep, uniquePrefix } from '../test-support/collector.js';
export { createTestDatabase, type TestDatabase } from '../test-support/postgres-database.js';
