#!/usr/bin/env node
/**
 * `npm run api:generate` (after `npm run build`): starts the provisioning app in memory, takes
 * its OpenAPI document and writes the typed client's types (libs/api-client/src/schema.ts).
 * `-- --baseline` also writes openapi/v1.json, the document the compatibility spec compares the
 * live one against: do that only when releasing a version of the contract, never to make a
 * breaking change pass.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createProvisioningApp, parseConfig } from '@tlc/provisioning';
import { typesFor } from './types-for.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
process.env.PM_ENABLED = 'false';
process.env.READ_MODEL_URL = 'sqlite::memory:';
const config = parseConfig({
  PROVISIONING_API_SECRET: randomBytes(24).toString('hex'),
  SECRETS_KEY: randomBytes(32).toString('hex'),
  EVENT_STORE_URL: 'sqlite::memory:',
  KEY_STORE_URL: 'sqlite::memory:',
  PROVISIONING_PORT: '0',
  LOG_LEVEL: 'warn',
});
const service = await createProvisioningApp(config);
try {
  const res = await service.app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/docs/openapi.json' });
  const doc = JSON.parse(res.body);
  writeFileSync(join(root, 'libs/api-client/src/schema.ts'), await typesFor(doc));
  console.log(`libs/api-client/src/schema.ts from the document version ${doc.info.version}`);
  if (process.argv.includes('--baseline')) {
    writeFileSync(join(here, 'v1.json'), `${JSON.stringify(doc, null, 2)}\n`);
    console.log('services/provisioning/openapi/v1.json written (the new compatibility baseline)');
  }
} finally {
  await service.close();
}
