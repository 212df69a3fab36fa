/**
 * The API's per-IP rate limits count visitors, not the web server that calls the API for all
 * of them: the web passes each visitor's address on in X-Forwarded-For and the API trusts its
 * loopback address (PROVISIONING_TRUST_PROXY). The visitor's address comes from the connection
 * (web/server.mjs), so:
 * - with nothing in front of the web (the default, as under `npm start`), a client rotating
 *   X-Forwarded-For (or X-Real-IP, Forwarded) gets no new budget: it is its socket's address;
 * - behind a proxy the web is told to trust (WEB_TRUST_PROXY), two visitors the proxy names get
 *   a budget each, and a client gets nothing by adding addresses of its own before the proxy's.
 * Each part has its own stack, with an availability-check limit of 3.
 */
import { request } from 'node:http';
import { buildWeb, ROOT_DOMAIN, startStack, type Stack } from './support/stack.js';

const LIMIT = 3;

beforeAll(async () => {
  await buildWeb();
}, 600_000);

/** GET on the web's apex through 127.0.0.1 (Node does not resolve *.localhost) with `headers`. */
function check(stack: Stack, name: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: stack.webPort,
        path: `/api/subdomains/${name}`,
        method: 'GET',
        headers: { host: `${ROOT_DOMAIN}:${stack.webPort}`, ...headers },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('a web server with nothing in front of it (WEB_TRUST_PROXY unset)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ serviceEnv: { RATE_LIMIT_CHECKS_PER_MINUTE: String(LIMIT) } });
  }, 600_000);
  afterAll(async () => {
    await stack?.stop();
  }, 60_000);

  test('a client rotating X-Forwarded-For, X-Real-IP and Forwarded gets one budget, not one per address', async () => {
    const answers: number[] = [];
    for (let i = 0; i < LIMIT + 5; i++) {
      const invented = `198.51.100.${i + 1}`;
      answers.push(
        await check(stack, `rotating-${i}`, {
          'x-forwarded-for': i % 2 ? invented : `${invented}, 203.0.113.${i + 1}`,
          'x-real-ip': invented,
          forwarded: `for=${invented}`,
        }),
      );
    }
    expect(answers).toEqual([...Array(LIMIT).fill(200), ...Array(5).fill(429)]);
  }, 120_000);
});

describe('a web server behind one trusted proxy (WEB_TRUST_PROXY=1)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ serviceEnv: { RATE_LIMIT_CHECKS_PER_MINUTE: String(LIMIT) }, webEnv: { WEB_TRUST_PROXY: '1' } });
  }, 600_000);
  afterAll(async () => {
    await stack?.stop();
  }, 60_000);

  test('one visitor over the availability-check limit does not block another, nor gets a new budget by naming addresses', async () => {
    // This test is the proxy: the last X-Forwarded-For entry is the visitor it saw. A visitor on
    // the API's trusted network itself (loopback here, a private address in compose) would let
    // a client go on naming addresses at the API, were the web to pass the client's entries on.
    const first = '127.0.0.1';
    const second = '203.0.113.8';
    const answers: number[] = [];
    for (let i = 0; i <= LIMIT; i++) answers.push(await check(stack, `free-name-${i}`, { 'x-forwarded-for': first }));
    // The first three are answered, the fourth is over the first visitor's budget.
    expect(answers).toEqual([200, 200, 200, 429]);
    // Addresses the client put before the one its proxy saw buy it nothing.
    expect(await check(stack, 'free-name-y', { 'x-forwarded-for': `198.51.100.1, ${first}` })).toBe(429);
    expect(await check(stack, 'free-name-z', { 'x-forwarded-for': first, 'x-real-ip': '198.51.100.2', forwarded: 'for=198.51.100.3' })).toBe(429);
    // Through the same web server, the second visitor still has a whole budget.
    expect(await check(stack, 'free-name-x', { 'x-forwarded-for': second })).toBe(200);
  }, 120_000);
});
