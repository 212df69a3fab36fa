/** Debian's chromium through playwright-core (never a downloaded browser), plus screenshots. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT } from './stack.js';

export const SHOTS = join(ROOT, 'test-output/e2e');

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Signs in with email and password on the apex login page. */
export async function signInWithPassword(page: Page, apex: string, email: string, password: string, callbackUrl?: string): Promise<void> {
  const q = callbackUrl === undefined ? '' : `?callbackUrl=${encodeURIComponent(callbackUrl)}`;
  await page.goto(`${apex}/login${q}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Through the local OpenID provider's dev login and consent pages. */
export async function googleLogin(page: Page, issuer: string, email: string): Promise<void> {
  await page.waitForURL((u) => u.href.startsWith(issuer), { timeout: 30_000 });
  await page.locator('input[name=login]').fill(email);
  await page.locator('input[name=password]').fill('any password');
  await page.locator('button[type=submit]').click();
  // The consent page appears the first time this account meets the client.
  await page.waitForLoadState('load');
  if (new URL(page.url()).origin === issuer) {
    const consent = page.locator('button[type=submit]');
    if (await consent.count()) await consent.first().click();
  }
}

/** Records every step state the progress page shows, across navigations. */
export async function watchSteps(page: Page): Promise<Map<string, Set<string>>> {
  const seen = new Map<string, Set<string>>();
  await page.exposeBinding('__reportStep', (_src, key: string, state: string) => {
    if (!seen.has(key)) seen.set(key, new Set());
    seen.get(key)!.add(state);
  });
  await page.addInitScript(() => {
    const report = () =>
      document
        .querySelectorAll('li[data-step]')
        .forEach((li) => (window as unknown as { __reportStep: (k: string, s: string) => void }).__reportStep(li.getAttribute('data-step') ?? '', li.getAttribute('data-state') ?? ''));
    new MutationObserver(report).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
    document.addEventListener('DOMContentLoaded', report);
  });
  return seen;
}

export interface SignupFields {
  readonly organization: string;
  readonly subdomain: string;
  readonly email: string;
  readonly password: string;
}

/** Opens the apex signup page and types the form (without submitting it). */
export async function fillSignupAt(page: Page, apex: string, v: SignupFields): Promise<void> {
  await page.goto(`${apex}/signup`);
  await page.getByLabel('Organization').fill(v.organization);
  await page.getByLabel('Subdomain').fill(v.subdomain);
  await page.getByLabel('Email').fill(v.email);
  await page.getByLabel('Password').fill(v.password);
}

/** Waits for the tenant's own host to show its dashboard with the tenant Active. */
export async function expectDashboardAt(page: Page, tenantUrl: string, organization: string): Promise<void> {
  await page.waitForURL(tenantUrl, { timeout: 120_000 });
  await page.getByRole('heading', { name: organization }).waitFor({ timeout: 30_000 });
  await page.getByTestId('tenant-status').filter({ hasText: 'Active' }).waitFor({ timeout: 30_000 });
}
