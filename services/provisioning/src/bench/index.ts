export * from './bench-runner.js';
export * from './bench-operations.js';
export { classifyFailure } from './classify.js';
export { redact, redactArgs, tail } from './redact.js';
