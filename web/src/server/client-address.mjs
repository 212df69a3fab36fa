// @ts-check
/**
 * Who is the client: the rules `web/server.mjs` applies to every request before Next.js sees it.
 *
 * Next.js keeps an X-Forwarded-For a client sends (it only fills the header in when it is
 * missing), and the app router never sees the socket. So the server in front of Next replaces
 * X-Forwarded-For with exactly one address, derived here from the socket and, only when the
 * peer is a proxy we were told to trust (WEB_TRUST_PROXY), from the chain that proxy wrote.
 * Everything downstream (the API's per-IP rate limits, the stream caps) keys on that address.
 *
 * Plain JavaScript on purpose: the custom server runs on Node 20, which cannot load TypeScript,
 * and `next build` does not compile it. Pure functions, unit-tested in
 * client-address.unit.spec.ts.
 */
import { BlockList, isIP } from 'node:net';

/** @typedef {{ readonly kind: 'none' } | { readonly kind: 'hops'; readonly hops: number } | { readonly kind: 'addresses'; readonly list: BlockList; readonly spec: string }} TrustProxy */

/** Headers by which a client could name an address for itself; the server replaces or drops them. */
export const FORWARDING_HEADERS = Object.freeze(['x-forwarded-for', 'x-real-ip', 'forwarded', 'x-client-ip', 'true-client-ip', 'cf-connecting-ip']);

/** Set on globalThis by the server, so the app knows X-Forwarded-For is the server's and not a client's. */
export const SERVER_MARK = Symbol.for('tlc.web.forwarding-rewritten');

const MAX_HOPS = 10;

/** The address ranges behind the names Fastify/proxy-addr use (the API takes the same words). */
const NAMED = Object.freeze({
  loopback: ['127.0.0.0/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
});

export class TrustProxyError extends Error {
  /** @param {string} why */
  constructor(why) {
    super(`web: WEB_TRUST_PROXY ${why}`);
    this.name = 'TrustProxyError';
  }
}

/**
 * Parses WEB_TRUST_PROXY. Unset, empty, `false`, `0` or `none`: trust nothing (the socket's
 * address is the client's; right when browsers connect to the web directly, as under `npm
 * start`). A hop count `N`: the N nearest proxies are ours, whatever their addresses. A comma
 * list of addresses, CIDRs and `loopback`/`linklocal`/`uniquelocal`: peers with those
 * addresses are ours. `true` (believe any chain) is refused: it would let every client choose
 * its own address.
 * @param {string | undefined} value
 * @returns {TrustProxy}
 */
export function parseTrustProxy(value) {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '' || v === 'false' || v === '0' || v === 'none') return Object.freeze({ kind: 'none' });
  if (v === 'true' || v === '*')
    throw new TrustProxyError('must name the proxies in front of the web (addresses, CIDRs, loopback/linklocal/uniquelocal) or their count: "true" would let any client choose its own address');
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    if (hops > MAX_HOPS) throw new TrustProxyError(`hop count must be at most ${MAX_HOPS} (got ${hops})`);
    return Object.freeze({ kind: 'hops', hops });
  }
  const list = new BlockList();
  for (const entry of v
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const named = /** @type {Record<string, readonly string[]>} */ (NAMED)[entry];
    for (const cidr of named ?? [entry]) addEntry(list, cidr, entry);
  }
  return Object.freeze({ kind: 'addresses', list, spec: v });
}

/**
 * @param {BlockList} list
 * @param {string} cidr
 * @param {string} asWritten
 */
function addEntry(list, cidr, asWritten) {
  const [address, prefixText, ...rest] = cidr.split('/');
  const family = isIP(address);
  const bad = () => new TrustProxyError(`has "${asWritten}", which is not an IP address, a CIDR or one of loopback, linklocal, uniquelocal`);
  if (!family || rest.length) throw bad();
  const max = family === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? max : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  if (!(prefix >= 0 && prefix <= max)) throw bad();
  list.addSubnet(address, prefix, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * An address as one spelling: `::ffff:1.2.3.4` (a dual-stack socket's IPv4 peer) as `1.2.3.4`,
 * so one visitor has one rate-limit key. Undefined for anything that is not an IP address.
 * @param {string | undefined} raw
 */
export function normalizeAddress(raw) {
  const a = (raw ?? '').trim();
  if (!isIP(a)) return undefined;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(a);
  return mapped ? mapped[1] : a.toLowerCase();
}

/** @param {BlockList} list @param {string} address */
function isTrusted(list, address) {
  return list.check(address, isIP(address) === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The client's address: the socket's, unless the socket's peer is a trusted proxy; then the
 * X-Forwarded-For chain is walked from the right (the entry that proxy added) for as long as
 * the address in hand is trusted (address list) or for the trusted number of hops. An entry
 * that is not an IP address ends the walk at the last address we could believe.
 * @param {string | undefined} socketAddress  `req.socket.remoteAddress`
 * @param {string | string[] | undefined} forwardedFor  the X-Forwarded-For header as received
 * @param {TrustProxy} trust
 * @returns {string | undefined} undefined only when the socket has no address (already closed)
 */
export function clientAddress(socketAddress, forwardedFor, trust) {
  let client = normalizeAddress(socketAddress);
  if (client === undefined || trust.kind === 'none') return client;
  const chain = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? ''))
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  for (let hop = 0; chain.length > 0; hop++) {
    const stillOurs = trust.kind === 'hops' ? hop < trust.hops : isTrusted(trust.list, client);
    if (!stillOurs) break;
    const next = normalizeAddress(chain.pop());
    if (next === undefined) break;
    client = next;
  }
  return client;
}

/**
 * Rewrites a request's headers in place: X-Forwarded-For becomes the one client address, every
 * other way of naming an address is dropped, and X-Forwarded-Proto/-Host/-Port survive only
 * from a trusted proxy (from anyone else Next.js derives them itself).
 * @param {{ headers: Record<string, string | string[] | undefined>; socket: { remoteAddress?: string } }} req
 * @param {TrustProxy} trust
 */
export function rewriteForwarding(req, trust) {
  const peer = normalizeAddress(req.socket.remoteAddress);
  const client = clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], trust);
  const peerIsProxy = peer !== undefined && (trust.kind === 'hops' ? trust.hops > 0 : trust.kind === 'addresses' && isTrusted(trust.list, peer));
  for (const name of FORWARDING_HEADERS) delete req.headers[name];
  if (!peerIsProxy) for (const name of ['x-forwarded-proto', 'x-forwarded-host', 'x-forwarded-port']) delete req.headers[name];
  if (client !== undefined) req.headers['x-forwarded-for'] = client;
}
