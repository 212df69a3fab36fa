/** The recorded real-bench runs (tools/bench-simulator/fixtures/frappe-v15), for parsing specs. */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Transcript {
  readonly case: string;
  readonly argv: string;
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const FILE = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../../tools/bench-simulator/fixtures/frappe-v15/transcripts.json');
const all = (JSON.parse(readFileSync(FILE, 'utf8')) as { cases: Transcript[] }).cases;

export function transcript(name: string): Transcript {
  const t = all.find((c) => c.case === name);
  if (!t) throw new Error(`no recorded case ${name}`);
  return t;
}
