export const PM_CONFIG = Symbol.for('tlc.provisioning.pm-config');
export const STEP_WORK = Symbol.for('tlc.provisioning.step-work');
export const BENCH_OPERATIONS = Symbol.for('tlc.provisioning.bench-operations');
