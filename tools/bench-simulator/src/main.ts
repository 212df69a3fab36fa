/**
 * Entry point of `bench-sim`: runs one command, maps the outcome to bench's exit codes
 * (0 ok, 1 failure or uncaught exception, 2 usage error) and logs the invocation.
 */
import { CommanderError } from 'commander';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildProgram, isHelpExit } from './cli.js';
import { parseControls } from './controls.js';
import { BenchExit, formatPyException, PyException } from './errors.js';
import { logFile, redactArgv, writeLog } from './invocation-log.js';

const started = Date.now();
const argv = process.argv.slice(2);
const out = (s: string): void => void process.stdout.write(s + '\n');
const err = (s: string): void => void process.stderr.write(s + '\n');

/** The log lives in the bench the command acts on: cwd, or the folder `init` creates. */
function benchRootGuess(): string {
  const i = argv.indexOf('init');
  if (i >= 0 && argv[i + 1]) return resolve(argv[i + 1]);
  return existsSync(join(process.cwd(), 'sites')) ? process.cwd() : resolve(process.cwd(), '..');
}

const logPath = logFile(benchRootGuess(), process.env);
const command = argv.find((a, i) => !a.startsWith('-') && argv[i - 1] !== '--site');
const flag = argv.indexOf('--site');
// The site a command acts on: `--site S`, or new-site/drop-site's own argument.
const site = flag >= 0 ? argv[flag + 1] : command === 'new-site' || command === 'drop-site' ? argv[argv.indexOf(command) + 1] : undefined;
const base = { pid: process.pid, argv: redactArgv(argv), command, site, cwd: process.cwd() };
writeLog(logPath, { ...base, event: 'start', time: new Date(started).toISOString() });

function finish(code: number): never {
  writeLog(logPath, { ...base, event: 'exit', time: new Date().toISOString(), durationMs: Date.now() - started, exitCode: code });
  process.exit(code);
}

async function run(): Promise<number> {
  try {
    const controls = parseControls(process.env);
    const program = buildProgram((bench, siteFlag) => ({ bench, env: process.env, controls, logPath, argv, siteFlag, out, err }), out);
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return isHelpExit(e) ? 0 : 2;
    if (e instanceof BenchExit) {
      if (e.message) out(e.message);
      return e.exitCode;
    }
    if (e instanceof PyException) {
      process.stderr.write(formatPyException(e, command ?? 'bench'));
      return 1;
    }
    const msg = e instanceof Error ? e.message : String(e);
    process.stderr.write(formatPyException(new PyException('Exception', msg), command ?? 'bench'));
    return 1;
  }
}

// Signals end the process the default way (no exit line): the log then shows a start without
// an exit, which is exactly what a killed bench looks like.
run().then(finish, () => finish(1));
