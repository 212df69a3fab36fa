export * from './port.js';
export * from './errors.js';
export { createEventStore, describeEventStoreUrl } from './factory.js';
