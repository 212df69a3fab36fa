/** Injection tokens shared by every module of the app (and by the process-manager's module). */
export const CONFIG = Symbol.for('tlc.provisioning.config');
export const EVENT_STORE = Symbol.for('tlc.provisioning.event-store');
export const KEY_STORE = Symbol.for('tlc.provisioning.key-store');
/** The pino logger the app writes to (tests pass one that captures lines). */
export const LOGGER = Symbol.for('tlc.provisioning.logger');
