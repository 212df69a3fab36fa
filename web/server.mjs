#!/usr/bin/env node
// @ts-check
/**
 * The web app's production server: `next start` with one thing in front. Next.js keeps an
 * X-Forwarded-For (X-Real-IP, Forwarded) that a client sends, and route handlers cannot see the
 * socket, so without this a client picks the address the API's per-IP rate limits count it
 * under. Here each request's forwarding headers are rewritten from the socket (and, only from a
 * proxy named in WEB_TRUST_PROXY, from the chain it wrote) before Next.js sees the request; see
 * src/server/client-address.mjs. Everything else is Next's own request handler, the one
 * `next start` uses.
 *
 *   node server.mjs [-p PORT] [-H ADDRESS]     (else PORT / HOST from the environment; 3000, all)
 *
 * Start it from any folder: it serves the app next to this file (NEXT_DIST_DIR is honoured by
 * next.config.ts). WEB_TRUST_PROXY is read once here; a bad value stops the start with a message.
 */
import { createServer } from 'node:http';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import next from 'next';
import { parseTrustProxy, rewriteForwarding, SERVER_MARK } from './src/server/client-address.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));

function fail(message) {
  console.error(message);
  process.exit(1);
}

const { values } = parseArgs({ options: { port: { type: 'string', short: 'p' }, hostname: { type: 'string', short: 'H' } } });
const port = Number(values.port ?? process.env.PORT ?? '3000');
if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`web: port must be 1-65535 (got "${values.port ?? process.env.PORT}")`);
// Like `next start`: every interface unless told otherwise (-H, or HOST as `npm start` also
// sets it). Not $HOSTNAME: shells and containers set that to the machine's name.
const hostname = values.hostname ?? (process.env.HOST?.trim() || undefined);

let trust;
try {
  trust = parseTrustProxy(process.env.WEB_TRUST_PROXY);
} catch (err) {
  fail(/** @type {Error} */ (err).message);
}

process.env.NODE_ENV ??= 'production';
const app = next({ dev: false, dir: HERE, hostname: hostname ?? 'localhost', port });
await app.prepare();
const handle = app.getRequestHandler();
// Tells the app (src/lib/visitor.ts) that X-Forwarded-For now holds the address derived here.
/** @type {Record<symbol, unknown>} */ (globalThis)[SERVER_MARK] = true;

const server = createServer((req, res) => {
  rewriteForwarding(req, trust);
  handle(req, res).catch((err) => {
    console.error('web: request failed', err);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});

server.listen(port, hostname, () => {
  const trusted = trust.kind === 'none' ? 'no proxy (the socket address is the client)' : trust.kind === 'hops' ? `${trust.hops} proxy hop(s)` : `proxies at ${trust.spec}`;
  console.log(`web: listening on ${hostname ?? '*'}:${port}; trusting ${trusted} for X-Forwarded-For`);
});

// SIGTERM/SIGINT: stop taking connections, give open ones (progress streams) a moment, go.
for (const signal of /** @type {const} */ (['SIGTERM', 'SIGINT'])) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => {
      server.closeAllConnections();
      process.exit(0);
    }, 2000).unref();
  });
}
