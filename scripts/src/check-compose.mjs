#!/usr/bin/env node
/**
 * Checks docker-compose.yml without a Docker engine: parses it (js-yaml, already in the
 * dependency tree), interpolates it the way Compose does with .env.example (secrets filled
 * with placeholders), and applies compose-rules.mjs. Prints one line per failed check and a
 * closing "N passed, N failed" line; exits 1 when any check failed.
 *
 *   node scripts/src/check-compose.mjs [compose file] [--env-example .env.example] [--verbose]
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SECRET_NAME, checkCompose, checkVariables, interpolateDeep, parseEnvFile } from './compose-rules.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** js-yaml 3 (load is unsafe, safeLoad is safe) and 4 (load is safe): pick the safe schema. */
export function loadYaml(text) {
  const yaml = createRequire(import.meta.url)('js-yaml');
  const schema = yaml.DEFAULT_SAFE_SCHEMA ?? yaml.DEFAULT_SCHEMA;
  return yaml.load(text, { schema });
}

/** Placeholder values for the secrets that .env.example leaves empty. */
export function withPlaceholders(exampleEnv) {
  const env = { ...exampleEnv };
  for (const [k, v] of Object.entries(env)) if (v === '' && SECRET_NAME.test(k)) env[k] = `placeholder-${k.toLowerCase()}`;
  return env;
}

export function runChecks(composePath, envExamplePath) {
  const exampleEnv = parseEnvFile(readFileSync(envExamplePath, 'utf8'));
  const raw = loadYaml(readFileSync(composePath, 'utf8'));
  const { value: doc, refs, errors } = interpolateDeep(raw, withPlaceholders(exampleEnv));
  const base = dirname(composePath);
  const files = {
    exists: (p) => existsSync(resolve(base, p)),
    read: (p) => readFileSync(resolve(base, p), 'utf8'),
  };
  return [
    { ok: errors.length === 0, what: `interpolates with .env.example plus placeholder secrets${errors.length ? ` (${errors.join('; ')})` : ''}` },
    ...checkVariables(refs, exampleEnv),
    ...checkCompose(doc, files),
  ];
}

/**
 * The command line both compose checks share: `[compose file] [--env-example F] [--verbose]`;
 * runs `check(compose, envExample)`, prints failures (all findings with --verbose) and exits 0
 * only when none failed.
 */
export function runCheckCli(name, label, check) {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const envAt = args.indexOf('--env-example');
  const envExample = resolve(envAt >= 0 ? args[envAt + 1] : resolve(ROOT, '.env.example'));
  const positional = args.filter((a, i) => !a.startsWith('--') && (envAt < 0 || i !== envAt + 1));
  const compose = resolve(positional[0] ?? resolve(ROOT, 'docker-compose.yml'));
  let findings;
  try {
    findings = check(compose, envExample);
  } catch (err) {
    console.error(`${name}: cannot read ${compose}: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
  const failed = findings.filter((f) => !f.ok);
  for (const f of verbose ? findings : failed) console.log(`${f.ok ? 'ok  ' : 'FAIL'}  ${f.what}`);
  console.log(`${label} of ${compose}: ${findings.length - failed.length} passed, ${failed.length} failed`);
  process.exit(failed.length === 0 ? 0 : 1);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runCheckCli('check-compose', 'structural checks', runChecks);
}
