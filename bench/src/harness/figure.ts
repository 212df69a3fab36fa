/**
 * One reported figure: the subject measured N times, its same-run baseline measured N times
 * (interleaved with it), their ratio, and the target. A figure that could not be
 * measured says why instead of carrying a number.
 */
import { summarise, type Summary } from './stats.js';

export type BenchId = 'B1' | 'B2' | 'B3' | 'B4' | 'B5' | 'B6';

export interface Target {
  /** Human wording, e.g. ">= 0.6 of raw". */
  readonly text: string;
  readonly met: boolean;
}

export interface MeasuredFigure {
  readonly status: 'measured';
  readonly bench: BenchId;
  readonly name: string;
  readonly unit: string;
  readonly value: Summary;
  readonly baseline?: Summary & { readonly name: string };
  /** value.median / baseline.median. */
  readonly ratio?: number;
  readonly target?: Target;
  readonly notes?: string;
}

export interface UnavailableFigure {
  readonly status: 'not-available';
  readonly bench: BenchId;
  readonly name: string;
  readonly reason: string;
}

export type Figure = MeasuredFigure | UnavailableFigure;

export interface FigureSpec {
  readonly bench: BenchId;
  readonly name: string;
  readonly unit: string;
  readonly runs: readonly number[];
  readonly baseline?: { readonly name: string; readonly runs: readonly number[] };
  /** Given the subject's median and the ratio, whether the target holds. */
  readonly target?: { readonly text: string; readonly check: (median: number, ratio: number | undefined) => boolean };
  readonly notes?: string;
}

export function figure(spec: FigureSpec): MeasuredFigure {
  const value = summarise(spec.runs);
  const baseline = spec.baseline && { name: spec.baseline.name, ...summarise(spec.baseline.runs) };
  const ratio = baseline && baseline.median !== 0 ? value.median / baseline.median : undefined;
  return {
    status: 'measured',
    bench: spec.bench,
    name: spec.name,
    unit: spec.unit,
    value,
    ...(baseline && { baseline }),
    ...(ratio !== undefined && { ratio }),
    ...(spec.target && { target: { text: spec.target.text, met: spec.target.check(value.median, ratio) } }),
    ...(spec.notes && { notes: spec.notes }),
  };
}

export const unavailable = (bench: BenchId, name: string, reason: string): UnavailableFigure => ({ status: 'not-available', bench, name, reason });
