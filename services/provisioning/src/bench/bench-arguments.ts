/**
 * The rules every value passes before it reaches bench or a path under the bench folder: no
 * value can start with `-` and be read as an option, none carries quotes into the Python literal
 * of `execute --args`, and a site name cannot climb out of sites/ (`..`, a slash).
 */
export class BenchArgumentError extends Error {
  readonly code = 'BENCH.BAD_ARGUMENT';
}

export const SITE = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;
export const APP = /^[a-z][a-z0-9_]{0,63}$/;
export const EMAIL = /^[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9.-]{1,253}$/;
export const DB_NAME = /^[A-Za-z0-9_]{1,64}$/;
export const USER = /^[A-Za-z0-9_.@-]{1,140}$/;

export function check(value: string, re: RegExp, what: string): string {
  if (!re.test(value) || value.startsWith('-')) throw new BenchArgumentError(`Invalid ${what}: ${JSON.stringify(value.slice(0, 80))}`);
  return value;
}
/**
 * A site name as bench takes it, also for the service's own edits under sites/ (site-config-file,
 * api-credentials-file): a name that is not one (`..`, a slash, a leading dash) is refused
 * before any path is built from it.
 */
export const checkSite = (site: string): string => check(site, SITE, 'site');
