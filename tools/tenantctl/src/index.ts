export { run, buildProgram, type Io } from './cli.js';
export { EXIT, EXIT_CODES_HELP, CliError } from './exit-codes.js';
export { readWholeLog, verifyStreams, type VerifyReport } from './verify.js';
export { commitLog, makeCheckpoint, verifyCheckpoints, type SignedCheckpoint } from './audit.js';
