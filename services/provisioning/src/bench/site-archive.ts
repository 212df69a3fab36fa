/**
 * `bench drop-site` does not delete a site: it moves the folder to `archived/sites/<site>` (a
 * number appended when the name is taken: `t5.localhost1`), with site_config.json (the database
 * password, the encryption key) and every uploaded file. A dropped tenant's data must not
 * outlive it (crypto-shredding covers the event log, not this folder), so the service removes
 * the archive right after the drop, and again on a redo of the step.
 *
 * Only entries named exactly `<site>` or `<site><digits>` directly under archived/sites are
 * touched: every site of ours ends in the root domain, so no other site's archive has that form.
 */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { checkSite } from './bench-arguments.js';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Removes the site's archives; returns the names removed (none: nothing was there). */
export async function removeSiteArchives(benchPath: string, site: string): Promise<string[]> {
  const dir = join(benchPath, 'archived', 'sites');
  const own = new RegExp(`^${escape(checkSite(site))}\\d*$`);
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const mine = entries.filter((name) => own.test(name));
  for (const name of mine) await rm(join(dir, name), { recursive: true, force: true });
  return mine;
}
