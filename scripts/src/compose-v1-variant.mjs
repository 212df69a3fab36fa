#!/usr/bin/env node
/**
 * Writes a copy of a compose file that docker-compose 1.29 (Debian's `docker-compose`
 * package) can validate: it predates the top-level `name` and the long `env_file` form
 * (`{ path, required }`), so those two are dropped or rewritten to a plain path. Everything
 * else (anchors and merges already resolved) is checked by its Compose-spec schema.
 *
 *   node scripts/src/compose-v1-variant.mjs <compose file> <env file to reference> <out file>
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const [input, envFile, output] = process.argv.slice(2);
if (!input || !envFile || !output) {
  console.error('usage: compose-v1-variant.mjs <compose file> <env file> <out file>');
  process.exit(2);
}
const yaml = createRequire(import.meta.url)('js-yaml');
const doc = yaml.load(readFileSync(input, 'utf8'), { schema: yaml.DEFAULT_SAFE_SCHEMA ?? yaml.DEFAULT_SCHEMA });
delete doc.name;
for (const key of Object.keys(doc)) if (key.startsWith('x-')) delete doc[key];
for (const service of Object.values(doc.services ?? {})) {
  if (service.env_file !== undefined) service.env_file = [envFile];
}
writeFileSync(output, yaml.dump(doc, { lineWidth: -1, noRefs: true }));
