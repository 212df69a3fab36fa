/**
 * The visitor's address, as web/server.mjs derived it from the socket (and trusted proxies)
 * and wrote it into X-Forwarded-For before Next.js saw the request. Only believed when that
 * server is the one running: under plain `next start` or `next dev` the header is whatever the
 * client sent, so there is no visitor address at all (the API then counts this server's own
 * address, one budget for everybody, rather than a budget per invented address).
 */
import { isIP } from 'node:net';

/** Must equal SERVER_MARK in src/server/client-address.mjs (Symbol.for: one symbol per process). */
const SERVER_MARK = Symbol.for('tlc.web.forwarding-rewritten');

export function forwardingRewritten(): boolean {
  return (globalThis as Record<symbol, unknown>)[SERVER_MARK] === true;
}

/** One IP address, or undefined (no custom server in front, or no address). */
export function visitorFrom(headers: Headers): string | undefined {
  if (!forwardingRewritten()) return undefined;
  const value = headers.get('x-forwarded-for')?.trim() ?? '';
  return isIP(value) ? value : undefined;
}
