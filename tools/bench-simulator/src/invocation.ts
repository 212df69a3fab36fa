/**
 * One bench command, start to exit code: bench's exit codes (0 ok, 1 failure or uncaught
 * exception, 2 usage error) and the JSONL invocation log. Everything the command sees comes in
 * through `Invocation` (argv, cwd, env, pid, streams), never from `process`, so the same
 * function serves the one-process-per-command mode and the daemon, where many invocations run
 * side by side in one process and each must look like a separate bench.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CommanderError } from 'commander';
import { buildProgram, isHelpExit } from './cli.js';
import { parseControls } from './controls.js';
import { BenchExit, formatPyException, PyException } from './errors.js';
import { logFile, redactArgv, writeLog } from './invocation-log.js';
import { checkNotRoot } from './root-login.js';

export interface Invocation {
  readonly argv: readonly string[];
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** The pid the log and the locks record: the bench process's, or the daemon client's. */
  readonly pid: number;
  /** Raw writes to the invocation's stdout and stderr. */
  out(text: string): void;
  err(text: string): void;
  /** Aborted when the caller is gone: the invocation stops at its next step and logs no exit. */
  readonly signal?: AbortSignal;
  /** Whether the invocation's stdout is a terminal (v15 prints the same traceback either way; kept for the daemon protocol). */
  readonly stdoutIsTTY?: boolean;
  /** Starts the hang's waiting grandchild; by default a child of this process, as in process mode. */
  spawnHangChild?(): Promise<number | undefined>;
  /** All of stdin up to EOF, asked for when a command first prompts; none: EOF at once. */
  readStdin?(): Promise<string>;
}

/**
 * Python's getpass with no terminal (fallback_getpass): a warning and the prompt on stderr, then
 * a line from stdin; at EOF click ends the command with `Aborted!` (README item 2's form).
 */
function makeGetpass(inv: Invocation): (prompt: string) => Promise<string> {
  let lines: Promise<string[]> | undefined;
  return async (prompt) => {
    inv.err(`Warning: Password input may be echoed.\n${prompt}`);
    lines ??= (inv.readStdin?.() ?? Promise.resolve('')).then((t) => (t === '' ? [] : t.replace(/\n$/, '').split('\n')));
    const line = (await lines).shift();
    if (line === undefined) {
      inv.err('\nAborted!\n');
      throw new BenchExit(1);
    }
    return line;
  };
}

/** Process mode's grandchild: the same process group as the bench, holding none of its pipes. */
function spawnWaitingChild(): Promise<number | undefined> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1 << 30)'], { stdio: 'ignore' });
  return Promise.resolve(child.pid);
}

/** The log lives in the bench the command acts on: cwd, or the folder `init` creates. */
function benchRootGuess(argv: readonly string[], cwd: string): string {
  const i = argv.indexOf('init');
  if (i >= 0 && argv[i + 1]) return resolve(cwd, argv[i + 1]);
  return existsSync(join(cwd, 'sites')) ? cwd : resolve(cwd, '..');
}

export async function runInvocation(inv: Invocation): Promise<number> {
  const started = Date.now();
  const argv = [...inv.argv];
  const logPath = logFile(benchRootGuess(argv, inv.cwd), inv.env);
  const command = argv.find((a, i) => !a.startsWith('-') && argv[i - 1] !== '--site');
  const flag = argv.indexOf('--site');
  // The site a command acts on: `--site S`, or new-site/drop-site's own argument.
  const site = flag >= 0 ? argv[flag + 1] : command === 'new-site' || command === 'drop-site' ? argv[argv.indexOf(command) + 1] : undefined;
  const base = { pid: inv.pid, argv: redactArgv(argv), command, site, cwd: inv.cwd };
  writeLog(logPath, { ...base, event: 'start', time: new Date(started).toISOString() });

  const code = await run(inv, argv, logPath, command, benchRootGuess(argv, inv.cwd));
  // A killed bench leaves a start without an exit line; an abandoned invocation does the same.
  if (!inv.signal?.aborted) {
    writeLog(logPath, { ...base, event: 'exit', time: new Date().toISOString(), durationMs: Date.now() - started, exitCode: code });
  }
  return code;
}

async function run(inv: Invocation, argv: string[], logPath: string, command: string | undefined, benchRoot: string): Promise<number> {
  const out = (s: string): void => inv.out(s + '\n');
  const err = (s: string): void => inv.err(s + '\n');
  try {
    const controls = parseControls(inv.env);
    const io = { cwd: inv.cwd, env: inv.env, writeOut: inv.out, writeErr: inv.err };
    const getpass = makeGetpass(inv);
    const program = buildProgram(io, (bench, siteFlag) => {
      checkNotRoot({ bench });
      return {
        bench,
        env: inv.env,
        controls,
        logPath,
        argv,
        siteFlag,
        out,
        err,
        pid: inv.pid,
        cwd: inv.cwd,
        signal: inv.signal,
        spawnHangChild: inv.spawnHangChild ?? spawnWaitingChild,
        getpass,
      };
    });
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (inv.signal?.aborted) return 1; // nobody is listening any more
    if (e instanceof CommanderError) return isHelpExit(e) ? 0 : 2;
    if (e instanceof BenchExit) {
      if (e.message) out(e.message);
      return e.exitCode;
    }
    const py = e instanceof PyException ? e : new PyException('Exception', e instanceof Error ? e.message : String(e));
    inv.err(formatPyException(py, command ?? 'bench', benchRoot));
    return 1;
  }
}
