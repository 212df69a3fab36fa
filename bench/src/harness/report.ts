/** The table on stdout and bench/results/latest.json. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, release, platform, arch, loadavg } from 'node:os';
import { dirname } from 'node:path';
import type { Figure } from './figure.js';

export interface Machine {
  readonly cpuModel: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly node: string;
  readonly os: string;
  readonly postgres?: string;
  /** 1-minute load average when the run ended: other work on the machine skews absolute figures. */
  readonly loadAverage1m: number;
}

export function machine(postgresVersion?: string): Machine {
  const list = cpus();
  return {
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${platform()} ${release()} ${arch()}`,
    loadAverage1m: Math.round(loadavg()[0] * 100) / 100,
    ...(postgresVersion && { postgres: postgresVersion }),
  };
}

const fmt = (n: number): string => {
  const abs = Math.abs(n);
  if (abs >= 1000) return Math.round(n).toLocaleString('en-US');
  if (abs >= 100) return n.toFixed(0);
  if (abs >= 10) return n.toFixed(1);
  return n.toFixed(2);
};

export function renderTable(figures: readonly Figure[]): string {
  const header = ['bench', 'figure', 'unit', 'median', 'min', 'max', 'baseline (median)', 'ratio', 'target', 'met'];
  const rows = figures.map((f) => {
    if (f.status === 'not-available') return [f.bench, f.name, '', 'not available', '', '', f.reason, '', '', ''];
    return [
      f.bench,
      f.name,
      f.unit,
      fmt(f.value.median),
      fmt(f.value.min),
      fmt(f.value.max),
      f.baseline ? `${f.baseline.name}: ${fmt(f.baseline.median)}` : '',
      f.ratio === undefined ? '' : f.ratio.toFixed(2),
      f.target?.text ?? '',
      f.target ? (f.target.met ? 'yes' : 'NO') : '',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join(' | ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

export interface Results {
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly quick: boolean;
  readonly runsPerFigure: number;
  readonly machine: Machine;
  readonly figures: readonly Figure[];
}

export function writeResults(path: string, results: Results): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
}
