export { run, buildProgram, type Io } from './cli.js';
export { EXIT, EXIT_CODES_HELP, CliError } from './exit-codes.js';
export { LogVerifier, readWholeLog, verifyLog, verifyStreams, type VerifyReport } from './verify.js';
export { commitEventStore, commitLog, makeCheckpoint, verifyCheckpoints, verifyLogAndCheckpoints, type SignedCheckpoint } from './audit.js';
