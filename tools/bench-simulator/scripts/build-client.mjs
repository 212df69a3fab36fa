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
const cc = (extra) => execFileSync('cc', ['-std=c99', '-O2', '-Wall', '-Wextra', ...extra, '-o', tmp, src], { stdio: ['ignore', 'ignore', 'pipe'] });
let linked = 'statically';
try {
  // Static: no dynamic loader at each start, ~1 ms less CPU per bench command here (B4, B5).
  cc(['-static']);
} catch (e) {
  if (e.code === 'ENOENT') {
    console.log("bench-sim-client: no C compiler (cc) found, skipped; the simulator's daemon mode is unavailable, process mode works.");
    process.exit(0);
  }
  // No static C library (libc6-dev ships it; some images do not): link dynamically instead.
  linked = 'dynamically';
  try {
    cc([]);
  } catch (e2) {
    process.stderr.write(String(e2.stderr ?? ''));
    throw e2;
  }
}
renameSync(tmp, out);
console.log(`bench-sim-client: built ${out} (linked ${linked})`);
