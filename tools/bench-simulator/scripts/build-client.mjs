#!/usr/bin/env node
/**
 * Compiles native/bench-sim-client.c to dist/bench-sim-client (daemon mode's few-ms client).
 * Part of `npm run build`: it rebuilds only when the source is newer than the binary, and a
 * machine without a C compiler still builds (daemon mode is then unavailable, process mode is
 * not affected), so it says so in one line and exits 0.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(pkg, 'native', 'bench-sim-client.c');
const out = join(pkg, 'dist', 'bench-sim-client');

if (existsSync(out) && statSync(out).mtimeMs >= statSync(src).mtimeMs) process.exit(0);

mkdirSync(dirname(out), { recursive: true });
// Built beside the target and renamed over it, so a client running meanwhile is never half-written.
const tmp = `${out}.${process.pid}.tmp`;
try {
  execFileSync('cc', ['-std=c99', '-O2', '-Wall', '-Wextra', '-o', tmp, src], { stdio: ['ignore', 'inherit', 'inherit'] });
} catch (e) {
  if (e.code === 'ENOENT') {
    console.log('bench-sim-client: no C compiler (cc) found, skipped; the simulator\'s daemon mode is unavailable, process mode works.');
    process.exit(0);
  }
  throw e;
}
renameSync(tmp, out);
console.log(`bench-sim-client: built ${out}`);
