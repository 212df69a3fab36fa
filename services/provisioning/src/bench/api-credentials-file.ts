/**
 * A standby site's Administrator API key and secret, made while the site was built, kept in the
 * site's own `private/` folder (mode 0600; frappe serves no file from there except through
 * private/files' permission check). That folder already holds what the secret could be used to
 * reach (site_config.json's db_password), and it goes with the site when it is dropped. The
 * claim reads it to call the site's REST API and hands the pair to the tenant as its API keys.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ApiCredentials } from './frappe-rest.js';
import { checkSite } from './bench-arguments.js';

const fileOf = (benchPath: string, site: string): string => join(benchPath, 'sites', checkSite(site), 'private', 'provisioning-api-credentials.json');

export async function writeApiCredentials(benchPath: string, site: string, c: ApiCredentials): Promise<void> {
  await writeFile(fileOf(benchPath, site), JSON.stringify({ api_key: c.apiKey, api_secret: c.apiSecret }), { mode: 0o600 });
}

export async function readApiCredentials(benchPath: string, site: string): Promise<ApiCredentials | undefined> {
  try {
    const j = JSON.parse(await readFile(fileOf(benchPath, site), 'utf8')) as { api_key?: unknown; api_secret?: unknown };
    return typeof j.api_key === 'string' && typeof j.api_secret === 'string' && j.api_key && j.api_secret ? { apiKey: j.api_key, apiSecret: j.api_secret } : undefined;
  } catch {
    return undefined;
  }
}
