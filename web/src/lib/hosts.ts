/**
 * Host and redirect rules, pure so the proxy, next-auth's redirect callback and the unit tests
 * share one definition. A redirect may go only to the apex or `<valid label>.ROOT_DOMAIN`, on
 * the apex's scheme and port, parsed with `new URL()` (never string prefix checks).
 */
import { isValidSubdomainLabel } from '@tlc/tenant-events/subdomain';

export type HostKind =
  | { readonly kind: 'apex' }
  | { readonly kind: 'www' }
  | { readonly kind: 'tenant'; readonly label: string }
  | { readonly kind: 'unknown' };

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

/** True when `target` is the apex or a valid tenant host, same scheme and port as `base`, no user-info. */
export function isAllowedRedirect(target: URL, base: URL, rootDomain: string): boolean {
  if (target.protocol !== base.protocol || target.port !== base.port) return false;
  if (target.username !== '' || target.password !== '') return false;
  const host = classifyHost(target.host, rootDomain);
  return host.kind === 'apex' || host.kind === 'tenant';
}

/** The redirect target if allowed, else `fallback`. Relative targets resolve against `base`. */
export function safeRedirect(url: string, base: string, rootDomain: string, fallback = base): string {
  let target: URL;
  let baseUrl: URL;
  try {
    baseUrl = new URL(base);
    target = new URL(url, baseUrl);
  } catch {
    return fallback;
  }
  return isAllowedRedirect(target, baseUrl, rootDomain) ? target.href : fallback;
}
