/**
 * The API's per-IP rate limits count visitors, not the web server that calls the API for all
 * of them: the web passes each visitor's address on in X-Forwarded-For and the API trusts its
 * loopback address (PROVISIONING_TRUST_PROXY). Two visitors behind a proxy in front of the web
 * (which names them in X-Forwarded-For, as a TLS proxy does) get a budget each: one going over
 * the availability-check limit does not block the other, and cannot get a new budget by adding
 * addresses of its own to the header. Its own stack, with a limit of 3.
 */
import { request } from 'node:http';
import { buildWeb, ROOT_DOMAIN, startStack, type Stack } from './support/stack.js';

const LIMIT = 3;
let stack: Stack;

beforeAll(async () => {
  await buildWeb();
  stack = await startStack({ serviceEnv: { RATE_LIMIT_CHECKS_PER_MINUTE: String(LIMIT) } });
}, 600_000);

afterAll(async () => {
  await stack?.stop();
}, 60_000);

/** GET on the web's apex through 127.0.0.1 (Node does not resolve *.localhost), as `visitor`. */
function check(name: string, visitor: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1', port: stack.webPort, path: `/api/subdomains/${name}`, method: 'GET',
      headers: { host: `${ROOT_DOMAIN}:${stack.webPort}`, 'x-forwarded-for': visitor },
    }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

test('one visitor over the availability-check limit does not block another, nor gets a new budget by naming addresses', async () => {
  // A visitor on the trusted network itself (here loopback; in compose, a private address): the
  // API treats its address as a proxy's and would take the next address to the left as the
  // visitor, were the web to pass on the client's own entries.
  const first = '127.0.0.1';
  const second = '203.0.113.8';
  const answers: number[] = [];
  for (let i = 0; i <= LIMIT; i++) answers.push(await check(`free-name-${i}`, first));
  // The first three are answered, the fourth is over the first visitor's budget.
  expect(answers).toEqual([200, 200, 200, 429]);
  // An address the client put before the one its proxy saw buys it nothing: the web passes on
  // only the last entry.
  expect(await check('free-name-y', `198.51.100.1, ${first}`)).toBe(429);
  // Through the same web server, the second visitor still has a whole budget.
  expect(await check('free-name-x', second)).toBe(200);
}, 120_000);
