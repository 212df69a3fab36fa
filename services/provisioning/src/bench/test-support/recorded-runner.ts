/** A BenchRunner whose "bench" answers with recorded real-bench runs, one per command in order. */
import { BenchRunner } from '../bench-runner.js';
import type { SpawnRequest } from '../spawn-process.js';
import { transcript } from './transcripts.js';

export interface RecordedRunner {
  readonly runner: BenchRunner;
  /** The argv of every command run, in order. */
  readonly calls: ReadonlyArray<readonly string[]>;
  /** What each command got on stdin ('' for none). */
  readonly inputs: readonly string[];
}

export function recordedRunner(...cases: string[]): RecordedRunner {
  const queue = [...cases];
  const calls: string[][] = [];
  const inputs: string[] = [];
  const runner = new BenchRunner({
    bin: 'bench',
    path: '/nonexistent-bench',
    env: {},
    spawner: async (req: SpawnRequest) => {
      calls.push([...req.args]);
      inputs.push(req.input ?? '');
      const name = queue.shift();
      if (!name) throw new Error(`no recorded answer left for ${req.args.join(' ')}`);
      const t = transcript(name);
      return { exitCode: t.exitCode ?? undefined, stdout: t.stdout, stderr: t.stderr, timedOut: false };
    },
  });
  return { runner, calls, inputs };
}
