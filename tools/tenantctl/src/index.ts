export { run, buildProgram, type Io } from './cli.js';
export { EXIT, EXIT_CODES_HELP, CliError } from './exit-codes.js';
