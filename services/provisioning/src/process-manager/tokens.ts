export const STEP_WORK = Symbol.for('tlc.provisioning.step-work');
export const HEARTBEAT = Symbol.for('tlc.provisioning.heartbeat');
