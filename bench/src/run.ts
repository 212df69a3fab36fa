/**
 * `npm run bench [-- B1 B3] [--quick] [--runs N]`: runs the selected benchmarks (all by default),
 * prints one table and writes bench/results/latest.json.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { logToStderr, type BenchContext } from './harness/context.js';
import type { BenchId, Figure } from './harness/figure.js';
import { unavailable } from './harness/figure.js';
import { DEFAULT_POSTGRES_URL, postgresVersion } from './harness/postgres.js';
import { machine, renderTable, writeResults } from './harness/report.js';
import { BENCHMARKS } from './registry.js';

const USAGE = `usage: npm run bench -- [B1 B2 B3 B4 B5 B6] [--quick] [--runs N] [--out FILE]
  B1 append, B2 projection rebuild, B3 lookup API, B4 orchestration overhead, B5 warm pool,
  B6 audit (verify --all, checkpoint; SQLite)
  (all six when none is named)
  --out FILE where to write the results (default bench/results/latest.json)
  --quick    tiny workloads, 2 runs: checks the harness, figures are not comparable
  --runs N   runs per figure (default 5; a full run never uses fewer than 5)
  --store S  only this store for B1/B2 (sqlite or postgres; repeatable; default both)
  --b4-signups N  signups per concurrency level in B4 (default 200; 10 with --quick)
  env BENCH_POSTGRES_URL  admin URL of the PostgreSQL server (default ${DEFAULT_POSTGRES_URL})`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      quick: { type: 'boolean', default: false },
      runs: { type: 'string' },
      out: { type: 'string' },
      store: { type: 'string', multiple: true },
      'b4-signups': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const ids = Object.keys(BENCHMARKS) as BenchId[];
  const selected = positionals.length === 0 ? ids : positionals.map((p) => p.toUpperCase() as BenchId);
  const unknown = selected.filter((id) => !ids.includes(id));
  if (unknown.length > 0) {
    console.error(`unknown benchmark(s): ${unknown.join(', ')}\n${USAGE}`);
    return 2;
  }
  const quick = values.quick ?? false;
  const runs = values.runs !== undefined ? Number(values.runs) : quick ? 2 : 5;
  if (!Number.isInteger(runs) || runs < 1 || (!quick && runs < 5)) {
    console.error(`--runs must be an integer >= 5 (>= 1 with --quick), got ${values.runs}`);
    return 2;
  }
  const stores = (values.store ?? ['sqlite', 'postgres']) as BenchContext['stores'][number][];
  if (stores.some((s) => s !== 'sqlite' && s !== 'postgres')) {
    console.error(`--store must be sqlite or postgres\n${USAGE}`);
    return 2;
  }
  const b4Signups = Number(values['b4-signups'] ?? (quick ? 10 : 200));
  if (!Number.isInteger(b4Signups) || b4Signups < 5) {
    console.error('--b4-signups must be an integer >= 5');
    return 2;
  }
  const ctx: BenchContext = { quick, runs, stores, b4Signups, postgresUrl: process.env.BENCH_POSTGRES_URL ?? DEFAULT_POSTGRES_URL, log: logToStderr };
  const startedAt = new Date().toISOString();
  const figures: Figure[] = [];
  for (const id of selected) {
    const started = performance.now();
    try {
      figures.push(...(await BENCHMARKS[id](ctx)));
    } catch (error) {
      figures.push(unavailable(id, 'all figures', `harness error: ${(error as Error).message.split('\n')[0]}`));
    }
    ctx.log(`${id} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const out = values.out ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'results', 'latest.json');
  const results = { startedAt, finishedAt: new Date().toISOString(), quick, runsPerFigure: runs, machine: machine(await postgresVersion(ctx.postgresUrl)), figures };
  writeResults(out, results);
  const m = results.machine;
  console.log(
    `\n${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}${m.postgres ? `, PostgreSQL ${m.postgres}` : ''}, load average ${m.loadAverage1m}${quick ? '  (QUICK MODE: not comparable)' : ''}`,
  );
  console.log(`median of ${runs} runs; ratio = median / same-run baseline median\n`);
  console.log(renderTable(figures));
  console.log(`\nwritten to ${out}`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);
