/**
 * Progress streams are capped: a person may hold only a few open at once, a client address only
 * a few more (each stream holds a connection to the web, one to the API and a poller there).
 * Beyond the cap the web answers 429 (the page falls back to polling); closing streams frees
 * their slots, and the web's connections to the API close with them. The tenant stays in
 * provisioning throughout (new-site takes ten minutes in the simulator), so no stream ends by
 * itself. Its own stack: 4 streams per person (the default) and 6 per address.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { request, type ClientRequest, type IncomingMessage } from 'node:http';
import { encode } from 'next-auth/jwt';
import { buildWeb, ROOT_DOMAIN, startStack, type Stack } from './support/stack.js';

const PER_SESSION = 4;
const PER_ADDRESS = 6;
let stack: Stack;
let tenantId: string;

beforeAll(async () => {
  await buildWeb();
  stack = await startStack({
    serviceEnv: { BENCH_SIM_LATENCY: 'new-site:10m' },
    webEnv: { WEB_PROGRESS_STREAMS_PER_ADDRESS: String(PER_ADDRESS) },
  });
  const res = await fetch(`${stack.apiUrl}/v1/tenants`, {
    method: 'POST',
    headers: { authorization: `Bearer ${stack.apiSecret}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify({ organization: 'Streams Ltd', subdomain: 'streams', adminEmail: 'one@streams.test', adminPassword: 'streams streams streams' }),
  });
  expect(res.status).toBeLessThan(300);
  tenantId = ((await res.json()) as { tenantId: string }).tenantId;
}, 600_000);

afterAll(async () => {
  for (const s of opened) s.req.destroy();
  await stack?.stop();
}, 60_000);

/** The session cookie next-auth would set for `email` of the tenant. */
async function cookieFor(email: string): Promise<string> {
  const value = await encode({ token: { sub: tenantId, email, tenantId, subdomain: 'streams', idp: 'password' }, secret: stack.env.NEXTAUTH_SECRET });
  return `tlc.session-token=${value}`;
}

interface OpenStream {
  readonly status: number;
  readonly body: string;
  readonly req: ClientRequest;
  readonly res: IncomingMessage;
}
const opened: OpenStream[] = [];

/** Opens the progress stream and waits for its status (and, for a refusal, its body). */
function openStream(cookie: string): Promise<OpenStream> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: stack.webPort,
        path: `/api/tenants/${tenantId}/events`,
        method: 'GET',
        headers: { host: `${ROOT_DOMAIN}:${stack.webPort}`, cookie, accept: 'text/event-stream' },
      },
      (res) => {
        if (res.statusCode === 200) {
          const s = { status: 200, body: '', req, res };
          opened.push(s);
          res.once('data', () => resolve(s));
          return;
        }
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          body += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, req, res }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** The web server's established TCP connections to the API (its sockets, by inode). */
function webConnectionsToApi(): number {
  const apiPort = Number(new URL(stack.apiUrl).port);
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${stack.webPid}/fd`)) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${stack.webPid}/fd/${fd}`));
      if (m) inodes.add(m[1]);
    } catch {
      // The descriptor closed while we looked.
    }
  }
  let n = 0;
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length < 10 || f[3] !== '01') continue; // 01 = ESTABLISHED
      if (parseInt(f[2].split(':')[1], 16) === apiPort && inodes.has(f[9])) n++;
    }
  }
  return n;
}

async function eventually(what: string, ok: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

test('streams beyond the caps get 429; closing them frees the slots and the connections to the API', async () => {
  // Keep-alive connections of earlier API calls (the signup page, health checks) close on their own.
  await eventually('no idle web connection to the API', () => webConnectionsToApi() === 0, 20_000);
  const one = await cookieFor('one@streams.test');
  const two = await cookieFor('two@streams.test');

  const first = [];
  for (let i = 0; i < PER_SESSION; i++) first.push(await openStream(one));
  expect(first.map((s) => s.status)).toEqual(Array(PER_SESSION).fill(200));
  const refused = await openStream(one);
  expect(refused.status).toBe(429);
  expect(refused.res.headers['content-type']).toContain('application/problem+json');
  expect(JSON.parse(refused.body)).toMatchObject({ status: 429, code: 'WEB.TOO_MANY_STREAMS' });
  await eventually(`${PER_SESSION} connections to the API`, () => webConnectionsToApi() === PER_SESSION);

  // Another session from the same address: only what is left of the address's cap.
  const second = [];
  for (let i = 0; i < PER_ADDRESS - PER_SESSION; i++) second.push(await openStream(two));
  expect(second.map((s) => s.status)).toEqual(Array(PER_ADDRESS - PER_SESSION).fill(200));
  expect((await openStream(two)).status).toBe(429);

  // The browser goes away: its slots come back and the web's connections to the API close.
  for (const s of first) s.req.destroy();
  await eventually("only the second session's connections to the API left", () => webConnectionsToApi() === PER_ADDRESS - PER_SESSION);
  const again = await openStream(one);
  expect(again.status).toBe(200);

  for (const s of [...second, again]) s.req.destroy();
  await eventually('no connection to the API left', () => webConnectionsToApi() === 0);
}, 180_000);
