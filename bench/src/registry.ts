import type { BenchContext } from './harness/context.js';
import type { BenchId, Figure } from './harness/figure.js';
import { runB1 } from './b1-append/index.js';
import { runB2 } from './b2-rebuild/index.js';
import { runB3 } from './b3-lookup/index.js';
import { runB4 } from './b4-orchestration/index.js';
import { runB5 } from './b5-pool/index.js';
import { runB6 } from './b6-audit/index.js';

export type Benchmark = (ctx: BenchContext) => Promise<Figure[]>;

export const BENCHMARKS: Record<BenchId, Benchmark> = {
  B1: runB1,
  B2: runB2,
  B3: runB3,
  B4: runB4,
  B5: runB5,
  B6: runB6,
};
