#!/usr/bin/env node
/**
 * Keeps docs/configuration.md honest: every environment variable the code reads
 * (`process.env.X`, `env.X`, `env['X']` in the workspaces' sources) and every variable of
 * .env.example must appear in the configuration table or in its test-only list; every
 * variable the table documents must still be read somewhere (code, compose file or
 * .env.example) and be listed in .env.example, set or commented out. Prints the differences and a closing "N passed, N failed" line.
 *
 *   node scripts/src/check-config-docs.mjs [--verbose]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnvFile } from './compose-rules.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SOURCE_DIRS = ['libs', 'services', 'projections', 'tools', 'web/src', 'bench/src'];
const SKIP = new Set(['node_modules', 'dist', '.next', 'test-output', 'coverage']);
/** Read by Node, npm or Next.js themselves, not by our configuration. */
const PLATFORM = new Set(['NODE_ENV', 'CI', 'HOME', 'PATH', 'USER', 'TZ', 'NEXT_PHASE', 'NEXT_RUNTIME', 'HOSTNAME', 'npm_lifecycle_event']);

// `process.env.X`, `env.X`, `env['X']`, and helpers called as `int(env, 'X', ...)`.
const READ = /\b(?:process\.env|env)(?:\.([A-Z][A-Z0-9_]+)|\[\s*['"]([A-Z][A-Z0-9_]+)['"]\s*\]|\s*,\s*['"]([A-Z][A-Z0-9_]+)['"])/g;

function* sourceFiles(dir) {
  let names;
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (SKIP.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|tsx|mts|js|mjs)$/.test(name) && !/\.d\.ts$/.test(name)) yield path;
  }
}

/** Variable -> files that read it, from the sources under `root`. */
export function variablesReadByCode(root = ROOT) {
  const found = new Map();
  for (const dir of SOURCE_DIRS) {
    for (const file of sourceFiles(join(root, dir))) {
      for (const m of readFileSync(file, 'utf8').matchAll(READ)) {
        const name = m[1] ?? m[2] ?? m[3];
        if (PLATFORM.has(name)) continue;
        if (!found.has(name)) found.set(name, new Set());
        found.get(name).add(relative(root, file));
      }
    }
  }
  return found;
}

/** Names in the first column of the table rows (`| \`NAME\` | ...`) and in the test-only section. */
export function documentedVariables(markdown) {
  const table = new Set();
  for (const m of markdown.matchAll(/^\|\s*`([A-Z][A-Z0-9_]+)`\s*\|/gm)) table.add(m[1]);
  const testOnly = new Set();
  const section = markdown.split(/^## Test-only/m)[1] ?? '';
  for (const m of section.matchAll(/`([A-Z][A-Z0-9_]+)`/g)) testOnly.add(m[1]);
  return { table, testOnly };
}

export function checkConfigDocs(root = ROOT) {
  const code = variablesReadByCode(root);
  const docs = documentedVariables(readFileSync(join(root, 'docs/configuration.md'), 'utf8'));
  const example = parseEnvFile(readFileSync(join(root, '.env.example'), 'utf8'));
  const compose = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
  const findings = [];
  for (const [name, files] of [...code].sort(([a], [b]) => a.localeCompare(b))) {
    findings.push({ ok: docs.table.has(name) || docs.testOnly.has(name), what: `${name} (read in ${[...files].slice(0, 2).join(', ')}) is documented` });
  }
  for (const name of Object.keys(example)) findings.push({ ok: docs.table.has(name), what: `.env.example's ${name} is in the table` });
  const exampleText = readFileSync(join(root, '.env.example'), 'utf8');
  for (const name of docs.table) {
    const listed = new RegExp(`^(?:#.*\\s)?${name}=`, 'm').test(exampleText);
    findings.push({ ok: listed, what: `documented ${name} is listed in .env.example (set or commented out)` });
    const used = code.has(name) || Object.prototype.hasOwnProperty.call(example, name) || compose.includes(name);
    findings.push({ ok: used, what: `documented ${name} is still read by the code, the compose file or .env.example` });
  }
  return findings;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const verbose = process.argv.includes('--verbose');
  const findings = checkConfigDocs();
  const failed = findings.filter((f) => !f.ok);
  for (const f of verbose ? findings : failed) console.log(`${f.ok ? 'ok  ' : 'FAIL'}  ${f.what}`);
  console.log(`configuration docs against the code: ${findings.length - failed.length} passed, ${failed.length} failed`);
  process.exit(failed.length === 0 ? 0 : 1);
}
