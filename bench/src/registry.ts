import type { BenchContext } from './harness/context.js';
import { unavailable, type BenchId, type Figure } from './harness/figure.js';
import { runB1 } from './b1-append/index.js';
import { runB2 } from './b2-rebuild/index.js';
import { runB3 } from './b3-lookup/index.js';

export type Benchmark = (ctx: BenchContext) => Promise<Figure[]>;

const notYet = (id: BenchId, why: string): Benchmark => async () => [unavailable(id, 'all figures', why)];

export const BENCHMARKS: Record<BenchId, Benchmark> = {
  B1: runB1,
  B2: runB2,
  B3: runB3,
  B4: notYet('B4', 'not available: harness not written yet'),
};
