/**
 * Issue 21 in Chromium: the operations console.
 * - Nobody but an OPS_EMAILS operator learns it exists: anonymous visitors, a signed-in tenant
 *   owner and a signed-in stranger get the ordinary 404 page on every console URL (on a tenant
 *   host: whatever an unknown path gets there), and a POST to a console page is a 404 too.
 * - An operator (Google sign-in through the local OpenID provider) finds a rolled-back tenant
 *   in the attention queue and by search, reads its timeline (bench's output for the failure,
 *   the hash chain verified, the state as of an earlier event), retries it with a typed
 *   confirmation, sees the retry recorded with them as the actor and the tenant become Active,
 *   reads the health page, and starts a blue/green rebuild and watches it switch reads.
 * Screenshots: test-output/e2e/ops-*.png.
 */
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { googleLogin, launch, shot } from './support/browser.js';
import { buildWeb, ROOT_DOMAIN, startStack, type Stack } from './support/stack.js';

const HOUR = 3_600_000;
const OPERATOR = 'ops@example.test';
const GOOD = { subdomain: 'opsgood', email: 'owner@opsgood.test' };
const FAIL = { subdomain: 'opsfail', email: 'owner@opsfail.test' };

let stack: Stack;
let browser: Browser;
const contexts: BrowserContext[] = [];
const ids: Record<string, string> = {};

async function createTenant(t: { subdomain: string; email: string }): Promise<string> {
  const res = await fetch(`${stack.apiUrl}/v1/tenants`, {
    method: 'POST',
    headers: { authorization: `Bearer ${stack.apiSecret}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify({ organization: `${t.subdomain} Ltd`, subdomain: t.subdomain, adminEmail: t.email, identityProvider: 'google' }),
  });
  if (res.status >= 300) throw new Error(`signup of ${t.subdomain} answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { tenantId: string }).tenantId;
}

async function waitForStatus(tenantId: string, status: string, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    const res = await fetch(`${stack.apiUrl}/v1/tenants/${tenantId}`, { headers: { authorization: `Bearer ${stack.apiSecret}` } });
    last = ((await res.json()) as { status: string }).status;
    if (last === status) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`tenant ${tenantId} never became ${status} (last: ${last})`);
}

async function fresh(): Promise<Page> {
  const ctx = await browser.newContext();
  contexts.push(ctx);
  return ctx.newPage();
}

async function signInWithGoogle(page: Page, email: string): Promise<void> {
  await page.goto(`${stack.apex}/login`);
  await page.getByRole('button', { name: 'Continue with Google' }).click();
  await googleLogin(page, stack.oidcIssuer, email);
  await page.waitForURL((u) => u.origin !== new URL(stack.oidcIssuer).origin, { timeout: 30_000 });
  await page.waitForLoadState('load');
}

const consoleUrls = () =>
  [
    '/ops',
    '/ops?status=Broken&page=2',
    `/ops?q=${FAIL.subdomain}`,
    '/ops/health',
    '/ops/health?hours=6',
    '/ops/projections',
    `/ops/tenants/${ids.fail}`,
    `/ops/tenants/${ids.fail}?asOf=2026-01-01T00:00:00Z`,
    '/ops/tenants/not-a-tenant',
    '/ops/',
    '/OPS',
  ]
    .map((p) => `${stack.apex}${p}`)
    .concat([`${stack.tenantUrl(GOOD.subdomain)}ops`]);

/** What any unknown address on that host gets: status, title and visible text. */
async function unknownPage(page: Page, origin: string): Promise<{ status: number | undefined; title: string; text: string }> {
  const res = await page.goto(`${origin}/no-such-page`);
  return { status: res?.status(), title: await page.title(), text: await page.locator('main').innerText() };
}

/**
 * Every console URL answers exactly like an unknown address on the same host: a 404 on the apex
 * (checked outright), and on a tenant host whatever that host says to this person for any
 * unknown path (a 403 to a signed-in stranger there, as for every path of another's tenant).
 */
async function expectNotFoundEverywhere(page: Page, who: string): Promise<void> {
  for (const url of consoleUrls()) {
    const origin = new URL(url).origin;
    const unknown = await unknownPage(page, origin);
    if (origin === stack.apex) expect(unknown.status).toBe(404);
    const res = await page.goto(url);
    expect({ who, url, status: res?.status(), title: await page.title(), text: await page.locator('main').innerText() }).toEqual({ who, url, ...unknown });
    // Nothing of the console in the whole document either (titles, flight data, links).
    const html = await page.content();
    expect({ who, url, leaks: html.match(/Operations|Needs attention|Provisioning health|rebuild|\/ops\/(health|projections)/i)?.[0] ?? null }).toEqual({ who, url, leaks: null });
  }
}

beforeAll(async () => {
  await buildWeb();
  stack = await startStack({
    // The first add-system-manager of opsfail fails for good: it rolls back; a retry succeeds.
    benchFail: `add-system-manager:${FAIL.subdomain}.${ROOT_DOMAIN}*1`,
    webEnv: { OPS_EMAILS: ` ${OPERATOR.toUpperCase()} , someone-else@example.test` },
  });
  browser = await launch();
  ids.good = await createTenant(GOOD);
  ids.fail = await createTenant(FAIL);
  await waitForStatus(ids.good, 'Active');
  await waitForStatus(ids.fail, 'RolledBack');
}, 900_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close().catch(() => undefined);
  await stack?.stop();
}, 60_000);

test(
  '1. anonymous visitors, a tenant owner and a signed-in stranger get the plain 404 on every console URL',
  async () => {
    const anonymous = await fresh();
    await expectNotFoundEverywhere(anonymous, 'anonymous');
    await shot(anonymous, 'ops-404-anonymous');

    const owner = await fresh();
    await signInWithGoogle(owner, GOOD.email);
    await expectNotFoundEverywhere(owner, 'tenant owner');

    const stranger = await fresh();
    await signInWithGoogle(stranger, 'stranger@example.test');
    await expectNotFoundEverywhere(stranger, 'stranger');
    await shot(stranger, 'ops-404-signed-in-stranger');

    // A form POST (what a server action is) without an operator's session: the same 404.
    const cookies = (await stranger.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    for (const path of ['/ops/projections', `/ops/tenants/${ids.fail}`]) {
      const res = await fetch(`http://127.0.0.1:${stack.webPort}${path}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { host: `${ROOT_DOMAIN}:${stack.webPort}`, cookie: cookies, 'content-type': 'application/x-www-form-urlencoded' },
        body: `tenantId=${ids.fail}&action=retry&confirm=${FAIL.subdomain}`,
      });
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
    }
    const status = (await (await fetch(`${stack.apiUrl}/v1/tenants/${ids.fail}`, { headers: { authorization: `Bearer ${stack.apiSecret}` } })).json()) as { status: string };
    expect(status.status).toBe('RolledBack');
  },
  HOUR,
);

test(
  '2. an operator finds the rolled-back tenant, reads its timeline, retries it, and sees it Active',
  async () => {
    const page = await fresh();
    await signInWithGoogle(page, OPERATOR);
    const res = await page.goto(`${stack.apex}/ops`);
    expect(res?.status()).toBe(200);
    const queue = page.getByTestId('attention');
    await queue.locator(`tr[data-tenant=${FAIL.subdomain}]`).waitFor();
    expect(await queue.locator(`tr[data-tenant=${GOOD.subdomain}]`).count()).toBe(0);
    await shot(page, 'ops-tenants');

    await page.getByLabel('Subdomain, admin email or tenant id').fill(FAIL.subdomain);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/\/ops\?q=opsfail/);
    const table = page.getByTestId('tenants');
    expect(await table.locator('tbody tr').count()).toBe(1);
    await table.getByRole('link', { name: FAIL.subdomain }).click();
    await page.waitForURL(new RegExp(`/ops/tenants/${ids.fail}$`));

    const timeline = page.getByTestId('timeline');
    const failed = timeline.locator('tr[data-type=StepFailed]').first();
    await expect(failed.textContent()).resolves.toMatch(/add-system-manager failed \(permanent, exit \d+\)/);
    expect(await failed.locator('pre.output').count()).toBe(1);
    await expect(timeline.locator('tr[data-type=SignupRequested]').textContent()).resolves.toContain(`user:email-sha256:`);
    await expect(timeline.locator('tr[data-type=RolledBack]').textContent()).resolves.toContain('rolled back');
    await expect(page.getByTestId('chain').textContent()).resolves.toMatch(/^verified: \d+ events/);
    await shot(page, 'ops-tenant-timeline');

    // The state as of the signup: Requested (or Provisioning), not RolledBack.
    await page.getByLabel('Instant').selectOption({ index: (await page.locator('#asOf option').count()) - 1 });
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/asOf=/);
    await expect(page.getByTestId('as-of-state').textContent()).resolves.toMatch(/^At .*: (Requested|Provisioning)$/);
    await shot(page, 'ops-tenant-as-of');

    // Retry: a wrong confirmation does nothing; the subdomain does it.
    const retry = page.locator('details[data-action=retry]');
    await retry.locator('summary').click();
    await retry.getByLabel(`Type ${FAIL.subdomain} to confirm`).fill('nope');
    await page.getByRole('button', { name: 'Retry provisioning' }).click();
    await page.getByRole('alert').filter({ hasText: 'type the subdomain' }).waitFor();
    await retry.locator('summary').click();
    await retry.getByLabel(`Type ${FAIL.subdomain} to confirm`).fill(FAIL.subdomain);
    await page.getByRole('button', { name: 'Retry provisioning' }).click();
    await page.getByTestId('action-done').waitFor();
    await expect(timeline.locator('tr[data-type=ProvisioningRetried]').textContent()).resolves.toContain(`operator:${OPERATOR}`);
    await shot(page, 'ops-tenant-retried');

    await waitForStatus(ids.fail, 'Active');
    await page.goto(`${stack.apex}/ops/tenants/${ids.fail}`);
    await expect(page.locator('dl.facts [data-testid=status]').textContent()).resolves.toBe('Active');
    await expect(timeline.locator('tr[data-type=TenantActivated]').count()).resolves.toBe(1);
  },
  HOUR,
);

test(
  '3. the health page shows the figures; an operator starts a rebuild and sees reads switch',
  async () => {
    const page = await fresh();
    await signInWithGoogle(page, OPERATOR);
    await page.goto(`${stack.apex}/ops/health`);
    await expect(page.getByTestId('success-rate').textContent()).resolves.toMatch(/%$/);
    await expect(page.getByTestId('failures').textContent()).resolves.toContain('add-system-manager');
    // With JavaScript the two per-hour series are uPlot charts (canvas); the rest stays SVG.
    await page.locator('[data-testid=hourly-chart][data-ready=true]').nth(1).waitFor();
    expect(await page.locator('[data-testid=hourly-chart] canvas').count()).toBeGreaterThanOrEqual(2);
    await shot(page, 'ops-health');

    // Without JavaScript the page shows every chart, drawn by the server.
    const noJs = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
    contexts.push(noJs);
    const plain = await noJs.newPage();
    await plain.goto(`${stack.apex}/ops/health`);
    expect(await plain.locator('svg[role=img]').count()).toBe(5);
    await expect(plain.getByTestId('success-rate').textContent()).resolves.toMatch(/%$/);
    await shot(plain, 'ops-health-no-javascript');

    await page.goto(`${stack.apex}/ops/projections`);
    const live = Number(await page.locator('[data-testid=generations] tr[data-state=live] td').first().textContent());
    await page.getByRole('button', { name: 'Start rebuild' }).click();
    await page.getByTestId('rebuild-done').waitFor({ timeout: 120_000 });
    await expect(page.getByTestId('rebuild').textContent()).resolves.toContain(`started by ${OPERATOR}`);
    const after = Number(await page.locator('[data-testid=generations] tr[data-state=live] td').first().textContent());
    expect(after).toBe(live + 1);
    await shot(page, 'ops-projections-rebuilt');
    // Lookups still answer from the new generation: the table still finds the tenant.
    await page.goto(`${stack.apex}/ops?q=${GOOD.subdomain}`);
    expect(await page.getByTestId('tenants').locator('tbody tr').count()).toBe(1);
  },
  HOUR,
);
