/** Library surface for tests and tools: the control parsers and log helpers. */
export { parseControls, parseDuration, type Controls, type FailRule } from './controls.js';
export { redactArgv, logFile, type LogLine } from './invocation-log.js';
export { parsePyLiteral, pyJsonDumps } from './py-literal.js';
export { Bench, SITE_DIRS } from './bench-dir.js';
export { clickError } from './cli.js';
