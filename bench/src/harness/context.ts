/** What every benchmark receives: how hard to try, and where to say what it is doing. */
export interface BenchContext {
  /** Smoke-check mode: tiny workloads and few runs; its figures are not comparable. */
  readonly quick: boolean;
  /** Runs per figure (at least 5 in a full run). */
  readonly runs: number;
  /** PostgreSQL server for the postgres figures (an admin URL; databases are created per run). */
  readonly postgresUrl: string;
  /** Which event/read-model stores the store benchmarks (B1, B2) cover. */
  readonly stores: readonly ('sqlite' | 'postgres')[];
  /** Signups per concurrency level in B4 (200 by default, as the issue asks). */
  readonly b4Signups: number;
  readonly log: (line: string) => void;
}

/** Progress to stderr so stdout carries only the table. */
export const logToStderr = (line: string): void => {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
};

/** Lets the event loop breathe between runs (timers, GC of the previous run). */
export const settle = (ms = 200): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
