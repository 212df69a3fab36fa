/**
 * Host and redirect rules, pure so the proxy, next-auth's redirect callback, the login page,
 * /auth/continue and the unit tests share one definition.
 *
 * Redirects after sign-in go only to the apex or to the signed-in person's own tenant host.
 * next-auth's redirect callback does not know who signed in, so it allows only the apex and
 * sends a tenant-host target through `/auth/continue?next=`, which knows the session and allows
 * that person's own host only. Targets are compared as parsed origins (`new URL()`), never with
 * string prefixes, after refusing every spelling that a browser, a proxy or a second decoding
 * could read differently from `new URL()`.
 */
import { isValidSubdomainLabel } from '@tlc/tenant-events/subdomain';

export type HostKind = { readonly kind: 'apex' } | { readonly kind: 'www' } | { readonly kind: 'tenant'; readonly label: string } | { readonly kind: 'unknown' };

/** Classifies a Host header (`acme.example.com:3000`) against the root domain. */
export function classifyHost(hostHeader: string | null | undefined, rootDomain: string): HostKind {
  if (!hostHeader) return { kind: 'unknown' };
  let hostname: string;
  try {
    hostname = new URL(`http://${hostHeader}`).hostname;
  } catch {
    return { kind: 'unknown' };
  }
  if (hostname === rootDomain) return { kind: 'apex' };
  if (hostname === `www.${rootDomain}`) return { kind: 'www' };
  if (!hostname.endsWith(`.${rootDomain}`)) return { kind: 'unknown' };
  const label = hostname.slice(0, -(rootDomain.length + 1));
  return isValidSubdomainLabel(label) ? { kind: 'tenant', label } : { kind: 'unknown' };
}

/** Longer than any URL we make; a longer one is not ours. */
const MAX_TARGET_LENGTH = 2048;
/** Printable ASCII only: no whitespace or control characters (the URL parser drops tabs and
 *  newlines, turning `/\t/evil` into `//evil`), no raw Unicode (full-width dots and the like). */
const PRINTABLE_ASCII = /^[\x21-\x7e]+$/;
/** Escapes that mean something else once decoded again: `/`, `\`, `%`, `.`, `@`, `:`, controls. */
const ENCODED_TRICK = /%(2f|5c|25|2e|40|3a|[01][0-9a-f]|7f)/i;

/**
 * Parses a redirect target strictly: an absolute `http(s)://` URL or a path starting with one
 * `/`, resolved against `apex`. Null for anything else: protocol-relative `//host`, backslashes,
 * other schemes (`javascript:`, `data:`), bare names, user-info, encoded separators before the
 * query, whitespace, non-ASCII, over-long.
 */
export function parseRedirectTarget(raw: unknown, apex: URL): URL | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_TARGET_LENGTH) return null;
  if (!PRINTABLE_ASCII.test(raw) || raw.includes('\\')) return null;
  const isPath = raw.startsWith('/') && !raw.startsWith('//');
  if (!isPath && !/^https?:\/\/[^/]/i.test(raw)) return null;
  // The part a browser uses to pick the host and path; the query may hold any escapes.
  const beforeQuery = raw.split(/[?#]/, 1)[0];
  if (ENCODED_TRICK.test(beforeQuery)) return null;
  let target: URL;
  try {
    target = new URL(raw, apex);
  } catch {
    return null;
  }
  if (target.username !== '' || target.password !== '') return null;
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return null;
  return target;
}

/** The origin of `<label>.ROOT_DOMAIN` on the apex's scheme and port. */
function tenantOrigin(apex: URL, rootDomain: string, label: string): string {
  const u = new URL(apex.href);
  u.hostname = `${label}.${rootDomain}`;
  return u.origin;
}

/** The valid tenant label of `target` when it is a tenant host on the apex's scheme and port. */
function tenantLabelOf(target: URL, apex: URL, rootDomain: string): string | null {
  const host = classifyHost(target.host, rootDomain);
  if (host.kind !== 'tenant') return null;
  return target.origin === tenantOrigin(apex, rootDomain, host.label) ? host.label : null;
}

/** Where sign-in continues for the person, who is known only there. */
export const CONTINUE_PATH = '/auth/continue';

/**
 * For next-auth's redirect callback and the login page, which do not know who signs in: a
 * target on the apex as is; a tenant-host target through `/auth/continue?next=` (which allows
 * only the person's own host); anything else `fallback`.
 */
export function apexRedirect(raw: unknown, apex: URL, rootDomain: string, fallback: string = apex.href): string {
  const target = parseRedirectTarget(raw, apex);
  if (!target) return fallback;
  if (target.origin === apex.origin) return target.href;
  if (tenantLabelOf(target, apex, rootDomain) !== null) {
    const via = new URL(CONTINUE_PATH, apex);
    via.searchParams.set('next', target.href);
    return via.href;
  }
  return fallback;
}

/**
 * For /auth/continue, which knows the signed-in person's subdomain: the apex (except
 * /auth/continue itself, which would only loop) or that person's own tenant host; anything
 * else, another tenant's host or a name nobody has included, `fallback`.
 */
export function personRedirect(raw: unknown, apex: URL, rootDomain: string, ownSubdomain: string, fallback: string): string {
  const target = parseRedirectTarget(raw, apex);
  if (!target) return fallback;
  if (target.origin === apex.origin) return target.pathname === CONTINUE_PATH ? fallback : target.href;
  return tenantLabelOf(target, apex, rootDomain) === ownSubdomain ? target.href : fallback;
}
