/**
 * Issue 18 item 4 in the browser: the dashboard's API secret is shown once, and "Rotate API
 * secret" (after a confirm; Cancel changes nothing) makes a new one on the site, which is then
 * shown once too. The new secret is the one the (simulated) site checks, the old one is not;
 * the page never carries the API's bearer. Screenshots: test-output/e2e/rotate-*.png.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { expectDashboardAt, fillSignupAt, launch, shot } from './support/browser.js';
import { confirmAndSignIn } from './support/email.js';
import { buildWeb, ROOT_DOMAIN, startStack, type Stack } from './support/stack.js';

let stack: Stack;
let browser: Browser;
let ctx: BrowserContext | undefined;

beforeAll(async () => {
  await buildWeb();
  stack = await startStack();
  browser = await launch();
}, 600_000);

afterAll(async () => {
  await ctx?.close().catch(() => undefined);
  await browser?.close().catch(() => undefined);
  await stack?.stop();
}, 60_000);

/** The digest of the Administrator's secret that the simulated site checks token auth against. */
const siteDigest = (subdomain: string): string =>
  (JSON.parse(readFileSync(join(stack.benchPath, 'sites', `${subdomain}.${ROOT_DOMAIN}`, 'private', 'sim-db.json'), 'utf8')) as { users: Record<string, { api_secret_sha256?: string }> }).users
    .Administrator.api_secret_sha256 ?? '';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

test('the API secret is shown once, rotated after a confirm, and the new one shown once', async () => {
  ctx = await browser.newContext();
  const page = await ctx.newPage();
  const who = { organization: 'Rotate Co', subdomain: 'rotateco', email: 'owner@rotateco.test', password: 'rotate co rotate co' };
  await fillSignupAt(page, stack.apex, who);
  await page.getByRole('button', { name: 'Create' }).click();
  const tenantId = await confirmAndSignIn(page, stack, who.email, who.password);
  await expectDashboardAt(page, stack.tenantUrl('rotateco'), 'Rotate Co');

  await page.getByRole('button', { name: 'Show API secret' }).click();
  const first = await page.getByTestId('reveal-api-secret-value').innerText();
  expect(siteDigest('rotateco')).toBe(sha256(first));

  // Cancel: nothing happens.
  await page.getByRole('button', { name: 'Rotate API secret' }).click();
  await page.getByRole('group', { name: 'Confirm rotation' }).waitFor();
  await shot(page, 'rotate-1-confirm');
  await page.getByRole('button', { name: 'Cancel' }).click();
  expect(siteDigest('rotateco')).toBe(sha256(first));

  await page.getByRole('button', { name: 'Rotate API secret' }).click();
  await page.getByRole('button', { name: 'Yes, make a new secret' }).click();
  await page.getByTestId('rotate-done').waitFor({ timeout: 60_000 });
  await shot(page, 'rotate-2-done');
  await page.getByRole('button', { name: 'Show API secret' }).click();
  const second = await page.getByTestId('reveal-api-secret-value').innerText();
  expect(second).not.toBe(first);
  expect(siteDigest('rotateco')).toBe(sha256(second));
  await shot(page, 'rotate-3-new-secret-shown-once');

  await page.reload();
  await expect(page.getByTestId('reveal-api-secret').innerText()).resolves.toMatch(/Shown once already/);
  const html = await page.content();
  expect(html).not.toContain(second);
  expect(html).not.toContain(stack.apiSecret);

  // The history has both rotation events, the secret redacted.
  const history = await fetch(`${stack.apiUrl}/v1/tenants/${tenantId}/history`, { headers: { authorization: `Bearer ${stack.apiSecret}` } });
  const body = await history.text();
  expect(body).toContain('ApiSecretRotationStarted');
  expect(body).toContain('ApiSecretRotated');
  expect(body).not.toContain(second);
}, 600_000);
