/**
 * Where sign-in sends a person: only the apex or their own tenant host. Signed in as a person of
 * tenant alpha, a `callbackUrl` (login page, next-auth's own callback endpoint) or a `next`
 * (/auth/continue) naming tenant bravo's host, a tenant nobody has, or another site lands them
 * on the apex or alpha's host, never elsewhere. Chromium, its own stack, two tenants made
 * through the API for Google users (signed in through the local OpenID provider, whose email
 * is verified, so the spec does not depend on how a password signup proves its address).
 */
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { listTenants, openReadModel, type ReadModelStore } from '@tlc/tenant-lookup';
import { googleLogin, launch, shot } from './support/browser.js';
import { buildWeb, ROOT_DOMAIN, startStack, type Stack } from './support/stack.js';

const ALPHA = { subdomain: 'alpha', email: 'owner@alpha.test' };
const BRAVO = { subdomain: 'bravo', email: 'owner@bravo.test' };

let stack: Stack;
let browser: Browser;
let readModel: ReadModelStore;
const contexts: BrowserContext[] = [];

async function createTenant(t: typeof ALPHA): Promise<void> {
  const res = await fetch(`${stack.apiUrl}/v1/tenants`, {
    method: 'POST',
    headers: { authorization: `Bearer ${stack.apiSecret}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify({ organization: `${t.subdomain} Ltd`, subdomain: t.subdomain, adminEmail: t.email, identityProvider: 'google' }),
  });
  if (res.status >= 300) throw new Error(`signup of ${t.subdomain} answered ${res.status}: ${await res.text()}`);
}

async function waitActive(subdomain: string): Promise<void> {
  for (let i = 0; i < 480; i++) {
    const page = await listTenants(readModel, { limit: 100 });
    if (page.items.some((d) => d.subdomain === subdomain && d.status === 'Active')) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${subdomain} never became Active in the read model`);
}

/** The login page with `callbackUrl` (when given), "Continue with Google", the provider's pages. */
async function signIn(page: Page, callbackUrl?: string): Promise<void> {
  await page.goto(`${stack.apex}/login${callbackUrl === undefined ? '' : `?callbackUrl=${encodeURIComponent(callbackUrl)}`}`);
  await page.getByRole('button', { name: 'Continue with Google' }).click();
  await googleLogin(page, stack.oidcIssuer, ALPHA.email);
}

async function fresh(): Promise<Page> {
  const ctx = await browser.newContext();
  contexts.push(ctx);
  return ctx.newPage();
}

beforeAll(async () => {
  await buildWeb();
  stack = await startStack();
  browser = await launch();
  readModel = await openReadModel(stack.readModelUrl);
  await createTenant(ALPHA);
  await createTenant(BRAVO);
  await waitActive(ALPHA.subdomain);
  await waitActive(BRAVO.subdomain);
}, 600_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close().catch(() => undefined);
  await readModel?.close().catch(() => undefined);
  await stack?.stop();
}, 60_000);

const host = (label: string) => `${label}.${ROOT_DOMAIN}`;

/** Hostile targets: another tenant, a tenant nobody has, another site, and disguises of them. */
function hostileTargets(): string[] {
  const port = stack.webPort;
  return [
    `http://${host(BRAVO.subdomain)}:${port}/`,
    `http://${host(BRAVO.subdomain)}:${port}/settings?x=1`,
    `http://${host('no-such-tenant')}:${port}/`,
    'http://evil.test/',
    '//evil.test/',
    `http://${host(ALPHA.subdomain)}:${port}@evil.test/`,
    `http://${host(ALPHA.subdomain)}.evil.test:${port}/`,
    '/\\evil.test/',
    '%2F%2Fevil.test',
  ];
}

/** The person must be on the apex or alpha's host, same scheme and port, nowhere else. */
function expectApexOrOwn(href: string): void {
  const u = new URL(href);
  expect(u.protocol).toBe('http:');
  expect(u.port).toBe(String(stack.webPort));
  expect([ROOT_DOMAIN, host(ALPHA.subdomain)]).toContain(u.hostname);
  expect(u.username + u.password).toBe('');
}

test("sign-in with a callbackUrl naming another tenant, a missing tenant or another site lands on the person's own host", async () => {
  const landed: Record<string, string> = {};
  for (const target of hostileTargets()) {
    const page = await fresh();
    await signIn(page, target);
    await page.waitForURL(
      (u) =>
        u.hostname === host(ALPHA.subdomain) ||
        (u.hostname === ROOT_DOMAIN && !u.pathname.startsWith('/login') && !u.pathname.startsWith('/auth/') && !u.pathname.startsWith('/api/')) ||
        (u.hostname !== ROOT_DOMAIN && u.hostname !== '127.0.0.1'),
      { timeout: 30_000 },
    );
    await page.waitForLoadState('load');
    landed[target] = page.url();
    expectApexOrOwn(page.url());
    if (target === hostileTargets()[0]) await shot(page, 'redirects-1-callback-to-other-tenant');
    await page.context().close();
  }
  // The tenant-host ones go through /auth/continue, which knows the person: their own dashboard.
  expect(new URL(landed[hostileTargets()[0]]).hostname).toBe(host(ALPHA.subdomain));
  expect(new URL(landed[hostileTargets()[2]]).hostname).toBe(host(ALPHA.subdomain));
}, 300_000);

test("a callbackUrl naming the person's own host is kept", async () => {
  const page = await fresh();
  await signIn(page, `http://${host(ALPHA.subdomain)}:${stack.webPort}/`);
  await page.waitForURL((u) => u.hostname === host(ALPHA.subdomain), { timeout: 30_000 });
  expect(new URL(page.url()).hostname).toBe(host(ALPHA.subdomain));
}, 120_000);

test("signed in: /auth/continue?next= another tenant, a missing tenant or another site -> the person's own host", async () => {
  const page = await fresh();
  await signIn(page);
  await page.waitForURL((u) => u.hostname === host(ALPHA.subdomain), { timeout: 30_000 });
  for (const target of hostileTargets()) {
    const res = await page.goto(`${stack.apex}/auth/continue?next=${encodeURIComponent(target)}`);
    expectApexOrOwn(page.url());
    expect(new URL(page.url()).hostname).toBe(host(ALPHA.subdomain));
    expect(res?.status()).toBe(200);
  }
  await shot(page, 'redirects-2-continue-to-own-host');
}, 300_000);

test("next-auth's own sign-in endpoint keeps only apex URLs, whatever callbackUrl it is sent", async () => {
  const page = await fresh();
  for (const target of hostileTargets()) {
    // What next-auth's client does on "Continue with Google", with the callbackUrl sent as is (no
    // login page in between to clean it): the URL it keeps for after the provider is what its
    // redirect callback allowed.
    await page.context().clearCookies();
    await page.goto(`${stack.apex}/login`); // next-auth's endpoints live on the apex only
    await page.evaluate(async (target) => {
      const { csrfToken } = (await (await fetch('/api/auth/csrf')).json()) as { csrfToken: string };
      await fetch('/api/auth/signin/google', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ csrfToken, callbackUrl: target, json: 'true' }),
      });
    }, target);
    const kept = (await page.context().cookies()).find((c) => c.name.endsWith('next-auth.callback-url'));
    expect(kept).toBeDefined();
    const url = decodeURIComponent(kept!.value);
    expect(new URL(url).origin).toBe(stack.apex);
    // Signed in, following it ends on the person's own host or the apex.
    await signIn(page, url);
    await page.waitForURL((u) => u.hostname === host(ALPHA.subdomain) || (u.hostname === ROOT_DOMAIN && u.pathname === '/'), { timeout: 30_000 });
    expectApexOrOwn(page.url());
  }
}, 300_000);
