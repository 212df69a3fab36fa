/**
 * B3 baseline: a bare node:http server answering `GET /v1/lookup?subdomain=<name>` from a Map,
 * with the same kind of JSON document the service returns. Run as its own process (like the
 * service) so autocannon never shares its event loop. Reads `{ docs: [...] }` from the JSON
 * file named in argv[2]; prints `listening <port>` when ready.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

interface Doc {
  readonly subdomain: string;
  readonly [key: string]: unknown;
}

const { docs } = JSON.parse(readFileSync(process.argv[2], 'utf8')) as { docs: Doc[] };
const bySubdomain = new Map(docs.map((d) => [d.subdomain, JSON.stringify(d)]));

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const body = url.pathname === '/v1/lookup' ? bySubdomain.get(url.searchParams.get('subdomain') ?? '') : undefined;
  if (body === undefined) {
    res.writeHead(404, { 'content-type': 'application/problem+json' }).end('{"title":"not found","status":404}');
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(body);
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : 0}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
