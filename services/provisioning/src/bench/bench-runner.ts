/**
 * Runs one bench command: execa with an argument array (never a shell), cwd = BENCH_PATH, an
 * allow-listed environment, and a timeout that kills the whole process group (bench starts
 * Python, which may start more; killing only the direct child would leave them running).
 */
import { classifyFailure } from './classify.js';
import { messageLines } from './python-output.js';
import { redact, redactArgs, tail } from './redact.js';
import type { FailureClass } from '@tlc/tenant-events';
import { defaultSpawner, type Spawner } from './spawn-host.js';

export interface BenchRunnerOptions {
  readonly bin: string;
  readonly path: string;
  /** Extra variables passed through besides the allow-list (e.g. the simulator's controls). */
  readonly env?: NodeJS.ProcessEnv;
  /** Who starts the process: by default the spawn host (spawn-host.ts). */
  readonly spawner?: Spawner;
}

export interface RunOptions {
  readonly timeoutMs: number;
  /** Values on the argv that must never be shown (passwords). */
  readonly secrets?: readonly string[];
  /** Secrets the command prints (an API secret): masked in tails and reasons, whether it succeeded or not. */
  readonly printedSecrets?: (stdout: string) => readonly string[];
  /** bench's stdin (a password for getpass); never logged. */
  readonly input?: string;
}

interface Common {
  /** The argv as it may be logged: secrets replaced by ***. */
  readonly command: readonly string[];
  readonly exitCode: number | null;
  readonly durationMs: number;
  /**
   * The last message lines of each stream, secrets redacted. Only column-0 lines (bench's messages
   * and Python's exception lines): v15's tracebacks list every frame's local variables, and these
   * tails reach the permanent event log (StepFailed).
   */
  readonly stdoutTail: string;
  readonly stderrTail: string;
}
export type BenchOk = Common & { readonly ok: true; readonly stdout: string };
export type BenchFailed = Common & { readonly ok: false; readonly classification: FailureClass; readonly reason: string; readonly timedOut: boolean };
export type BenchResult = BenchOk | BenchFailed;

const ALLOWED = ['PATH', 'HOME', 'USER', 'LOGNAME', 'LANG', 'LC_ALL', 'LC_CTYPE', 'TZ', 'TMPDIR', 'VIRTUAL_ENV', 'PYTHONUNBUFFERED'];
/** The simulator's test controls travel too; a real bench ignores them. */
const ALLOWED_PREFIXES = ['BENCH_SIM_'];

export function allowedEnv(source: NodeJS.ProcessEnv): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(source)) {
    if (v !== undefined && (ALLOWED.includes(k) || ALLOWED_PREFIXES.some((p) => k.startsWith(p)))) env[k] = v;
  }
  return env;
}

/** What of a stream may outlive the command: its message lines, the last ones, secrets masked. */
export const eventTail = (text: string, secrets: readonly string[]): string => tail(redact(messageLines(text).join('\n'), secrets));

export class BenchRunner {
  private readonly env: Record<string, string>;
  private readonly spawn: Spawner;

  constructor(private readonly options: BenchRunnerOptions) {
    this.env = allowedEnv(options.env ?? process.env);
    this.spawn = options.spawner ?? defaultSpawner();
  }

  get benchPath(): string {
    return this.options.path;
  }

  async run(args: readonly string[], opts: RunOptions): Promise<BenchResult> {
    const started = Date.now();
    const r = await this.spawn({ bin: this.options.bin, args, cwd: this.options.path, env: this.env, timeoutMs: opts.timeoutMs, ...(opts.input !== undefined ? { input: opts.input } : {}) });
    const { stdout, stderr, timedOut } = r;
    const secrets = [...(opts.secrets ?? []), ...(opts.printedSecrets?.(stdout) ?? [])];
    const common: Common = {
      command: redactArgs(args, secrets),
      exitCode: r.exitCode ?? null,
      durationMs: Date.now() - started,
      stdoutTail: eventTail(stdout, secrets),
      stderrTail: eventTail(stderr, secrets),
    };
    if (!timedOut && r.exitCode === 0) return { ...common, ok: true, stdout };
    const spawnError = r.exitCode === undefined && !timedOut ? (r.shortMessage ?? 'unknown error') : undefined;
    const c = classifyFailure({ exitCode: r.exitCode ?? null, timedOut, output: `${stdout}\n${stderr}`, spawnError, starterLost: r.starterLost });
    return { ...common, ok: false, timedOut, classification: c.classification, reason: redact(c.reason, secrets) };
  }
}
