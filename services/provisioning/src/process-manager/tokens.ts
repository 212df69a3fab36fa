export const STEP_WORK = Symbol.for('tlc.provisioning.step-work');
export const BENCH_OPERATIONS = Symbol.for('tlc.provisioning.bench-operations');
export const HEARTBEAT = Symbol.for('tlc.provisioning.heartbeat');
