/** Library surface for tests and tools: the control parsers, log helpers, one invocation, and daemon mode. */
export { parseControls, parseDuration, type Controls, type FailRule } from './controls.js';
export { redactArgv, logFile, type LogLine } from './invocation-log.js';
export { parsePyLiteral, pyJsonDumps } from './py-literal.js';
export { Bench, SITE_DIRS } from './bench-dir.js';
export { clickError } from './cli.js';
export { runInvocation, type Invocation } from './invocation.js';
export { startSimulatorDaemon, CLIENT_BIN, type SimulatorDaemon, type SimulatorDaemonOptions } from './daemon.js';
export { startSimulatorWeb, type SimulatorWeb, type SimulatorWebOptions } from './web/web-server.js';
