/**
 * test-output/e2e/timings.json, written by more than one spec file (they may run one after the
 * other in one Jest process): each merges its figures into what is there instead of replacing it.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHOTS } from './browser.js';

export type Timings = Record<string, number | number[]>;

export const TIMINGS_FILE = join(SHOTS, 'timings.json');

function current(): Timings {
  if (!existsSync(TIMINGS_FILE)) return {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(TIMINGS_FILE, 'utf8'));
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Timings) : {};
  } catch {
    return {}; // a torn or hand-edited file: start afresh rather than fail the run
  }
}

export function recordTimings(figures: Timings): void {
  if (Object.keys(figures).length === 0) return;
  mkdirSync(SHOTS, { recursive: true });
  writeFileSync(TIMINGS_FILE, `${JSON.stringify({ ...current(), ...figures }, null, 2)}\n`);
}
