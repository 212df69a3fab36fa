/**
 * Issue 18 in the browser, reading the real mailbox (the stack's SMTP catcher): every email a
 * customer or an operator gets, each one opened where its link leads; the dashboard's desk
 * section and its secrets shown once; sign-out on our own page.
 * - verify email -> confirm -> sign in;       - site ready -> its link -> the dashboard;
 * - could not build -> "Try again" -> Retry -> the dashboard;
 * - taking longer -> its link -> the progress page saying so;   - ops: a tenant is Broken;
 * - API secret and a Google sign-up's desk password, once each; - sign-out.
 * Each mail is also rendered (its HTML) for a screenshot: test-output/e2e/mail-*.png, journey-*.png.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { CaughtMail } from '@tlc/mail-catcher';
import { expectDashboardAt, fillSignupAt, googleLogin, launch, shot } from './support/browser.js';
import { confirmEmail, expectCheckEmailPage, mailTo } from './support/email.js';
import { buildWeb, ROOT_DOMAIN, startStack, type Stack } from './support/stack.js';

const HOUR = 3_600_000;
const OPS = 'ops@example.test';
const site = (sub: string) => `${sub}.${ROOT_DOMAIN}`;

let stack: Stack;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function fresh(): Promise<Page> {
  const ctx = await browser.newContext();
  contexts.push(ctx);
  return ctx.newPage();
}

const mailFor = (email: string, subject: RegExp, timeoutMs = 120_000): Promise<CaughtMail> => stack.mail.waitFor((m) => m.to.includes(email.toLowerCase()) && subject.test(m.subject), timeoutMs);

/** The mail's action link (the button's address), checked to lead to our apex. */
function actionLink(mail: CaughtMail): string {
  const m = /: (http\S+)\s*$/m.exec(mail.text);
  if (!m || !m[1].startsWith(`${stack.apex}/`)) throw new Error(`no link to ${stack.apex} in "${mail.subject}":\n${mail.text}`);
  return m[1];
}

/** The mail as its reader sees it (its HTML), for the screenshot. */
async function showMail(mail: CaughtMail, name: string): Promise<void> {
  const page = await fresh();
  await page.setContent(`<div style="font:13px system-ui;color:#555;border-bottom:1px solid #ddd;margin-bottom:8px">To: ${mail.to.join(', ')}<br>Subject: <b>${mail.subject}</b></div>${mail.html}`);
  await shot(page, name);
  await page.close();
}

async function signUpAndConfirm(page: Page, organization: string, subdomain: string) {
  const who = { email: `owner@${subdomain}.test`, password: `${subdomain} ${subdomain} ${subdomain}` };
  await fillSignupAt(page, stack.apex, { organization, subdomain, ...who });
  await page.getByRole('button', { name: 'Create' }).click();
  await expectCheckEmailPage(page, who.email);
  const { tenantId } = await confirmEmail(page, stack, who.email);
  return { ...who, tenantId };
}

async function signIn(page: Page, link: string, email: string, password: string): Promise<void> {
  await page.goto(link);
  await page.waitForURL((u) => u.pathname === '/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => u.pathname !== '/login', { timeout: 30_000 });
}

beforeAll(async () => {
  await buildWeb();
  stack = await startStack({
    benchFail: [
      `add-system-manager:${site('failco')}*1`, // the first build fails, the retry works
      `add-system-manager:${site('brokeco')}`,
      `drop-site:${site('brokeco')}`,
    ].join(','),
    serviceEnv: {
      OPS_EMAILS: OPS,
      SLOW_BUILD_EMAIL_MULTIPLES: '2',
      BUILD_ETA_FALLBACK_SECONDS: '5',
      BENCH_SIM_LATENCY: `new-site:${site('slowco')}:90s`,
    },
  });
  browser = await launch();
}, 600_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close().catch(() => undefined);
  await stack?.stop();
}, 60_000);

test(
  'verify email and site ready: the link confirms, the ready mail leads to the dashboard; the desk section and the API secret shown once',
  async () => {
    const page = await fresh();
    const t = await signUpAndConfirm(page, 'Ready Co', 'readyco');
    const [verify] = mailTo(stack, t.email);
    expect(verify.subject).toBe('Confirm your email address');
    await showMail(verify, 'mail-1-verify-email');

    const ready = await mailFor(t.email, /^Your site for Ready Co is ready$/);
    await showMail(ready, 'mail-2-site-ready');
    await signIn(page, actionLink(ready), t.email, t.password);
    await expectDashboardAt(page, stack.tenantUrl('readyco'), 'Ready Co');

    // The bench simulator makes no real site: no desk link to a 404, a note instead; /app explains too.
    await expect(page.getByTestId('desk').innerText()).resolves.toMatch(/No ERPNext desk answers at this address/);
    expect(await page.getByRole('link', { name: 'Log in to your site' }).count()).toBe(0);
    await expect(page.getByTestId('desk-login').innerText()).resolves.toBe(t.email);
    await expect(page.getByTestId('api-key').innerText()).resolves.toMatch(/\S{6,}/);

    await page.getByRole('button', { name: 'Show API secret' }).click();
    const secret = page.getByTestId('reveal-api-secret-value');
    await secret.waitFor();
    const value = await secret.innerText();
    expect(value.length).toBeGreaterThan(8);
    await expect(page.getByTestId('reveal-api-secret').innerText()).resolves.toMatch(/Copy it now: it will not be shown again\./);
    await shot(page, 'journey-1-api-secret-shown-once');
    await page.reload();
    await expect(page.getByTestId('reveal-api-secret').innerText()).resolves.toMatch(/Shown once already; it is not shown again\./);
    expect(await page.locator('main').innerText()).not.toContain(value);
    // Asking the API again (as a second tab would) is refused with the code that says to rotate.
    const again = await fetch(`${stack.apiUrl}/v1/tenants/${t.tenantId}/credentials/api-secret/reveal`, { method: 'POST', headers: { authorization: `Bearer ${stack.apiSecret}` } });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { code: string }).code).toBe('CREDENTIALS.ALREADY_REVEALED');
    await shot(page, 'journey-2-api-secret-after-reload');

    await page.goto(`${stack.tenantUrl('readyco')}app`);
    await page.getByTestId('no-desk').waitFor();
    await shot(page, 'journey-3-no-desk-here');
  },
  HOUR,
);

test(
  'could not build: the mail\'s "Try again" leads to the progress page, whose Retry builds the site',
  async () => {
    const page = await fresh();
    const t = await signUpAndConfirm(page, 'Fail Co', 'failco');
    const failed = await mailFor(t.email, /^We could not build your site for Fail Co$/);
    await showMail(failed, 'mail-3-could-not-build');
    const link = actionLink(failed);
    expect(link).toContain(encodeURIComponent(`/signup/${t.tenantId}`));
    await signIn(page, link, t.email, t.password);
    await page.waitForURL(`${stack.apex}/signup/${t.tenantId}`);
    await page.getByTestId('failure').waitFor({ timeout: 30_000 });
    await shot(page, 'journey-4-could-not-build-retry');
    await page.getByRole('button', { name: 'Retry' }).click();
    await expectDashboardAt(page, stack.tenantUrl('failco'), 'Fail Co');
    await mailFor(t.email, /^Your site for Fail Co is ready$/);
  },
  HOUR,
);

test(
  'taking longer: mailed once when the build passes twice its estimate; its link shows the progress page saying so',
  async () => {
    const page = await fresh();
    const t = await signUpAndConfirm(page, 'Slow Co', 'slowco');
    const slow = await mailFor(t.email, /^Your site for Slow Co is taking longer than usual$/, 80_000);
    await showMail(slow, 'mail-4-taking-longer');
    await signIn(page, actionLink(slow), t.email, t.password);
    await page.waitForURL(`${stack.apex}/signup/${t.tenantId}`);
    const late = page.getByTestId('late');
    await late.waitFor({ timeout: 60_000 });
    await expect(late.innerText()).resolves.toMatch(/taking longer than usual.*we will email you/);
    await shot(page, 'journey-5-taking-longer');
    expect(mailTo(stack, t.email).filter((m) => /taking longer/.test(m.subject))).toHaveLength(1);
  },
  HOUR,
);

test(
  'ops: a Broken tenant is mailed to OPS_EMAILS, with its last error',
  async () => {
    const page = await fresh();
    const t = await signUpAndConfirm(page, 'Broke Co', 'brokeco');
    const ops = await mailFor(OPS, /^\[ops\] Tenant brokeco is Broken$/);
    expect(ops.text).toContain(t.tenantId);
    expect(ops.text).toMatch(/Last error: .+ \(step (add-system-manager|drop-site)\)/);
    expect(mailTo(stack, t.email).some((m) => /Broken/.test(m.subject))).toBe(false);
    await showMail(ops, 'mail-5-ops-tenant-broken');
  },
  HOUR,
);

test(
  'Google: the generated desk password is shown once',
  async () => {
    const email = 'deskuser@gmail.test';
    const page = await fresh();
    await page.goto(`${stack.apex}/signup`);
    await page.getByRole('link', { name: 'Continue with Google' }).click();
    await googleLogin(page, stack.oidcIssuer, email);
    await page.waitForURL(`${stack.apex}/onboarding`);
    await page.getByLabel('Organization').fill('Desk Co');
    await page.getByLabel('Subdomain').fill('deskco');
    await page.getByRole('button', { name: 'Create' }).click();
    await expectDashboardAt(page, stack.tenantUrl('deskco'), 'Desk Co');
    await page.getByRole('button', { name: 'Show desk password' }).click();
    const pw = page.getByTestId('reveal-admin-password-value');
    await pw.waitFor();
    expect((await pw.innerText()).length).toBeGreaterThan(8);
    await shot(page, 'journey-6-desk-password-shown-once');
    await page.reload();
    await expect(page.getByTestId('reveal-admin-password').innerText()).resolves.toMatch(/Shown once already/);
  },
  HOUR,
);

test(
  'sign-out lands on our own page, and the tenant host then asks to sign in',
  async () => {
    const page = await fresh();
    await signIn(page, `${stack.apex}/login`, 'owner@readyco.test', 'readyco readyco readyco');
    await expectDashboardAt(page, stack.tenantUrl('readyco'), 'Ready Co');
    await page.getByRole('link', { name: 'Sign out' }).click();
    await page.waitForURL(`${stack.apex}/signed-out`);
    await page.getByRole('heading', { name: 'Sign out' }).waitFor();
    await shot(page, 'journey-7-sign-out');
    await page.locator('main').getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'You are signed out' }).waitFor({ timeout: 30_000 });
    await shot(page, 'journey-8-signed-out');
    await page.goto(stack.tenantUrl('readyco'));
    await page.waitForURL((u) => u.pathname === '/login');
  },
  HOUR,
);

test(
  'a corrected field loses its old error as soon as it changes',
  async () => {
    const page = await fresh();
    await fillSignupAt(page, stack.apex, { organization: 'Typo Co', subdomain: 'typoco', email: 'not-an-email', password: 'short' });
    await page.getByRole('button', { name: 'Create' }).click();
    const emailError = page.locator('#email-error');
    await emailError.waitFor();
    await page.locator('#password-error').waitFor();
    await page.getByLabel('Email').fill('owner@typoco.test');
    await emailError.waitFor({ state: 'detached' });
    expect(await page.locator('#password-error').count()).toBe(1);
    await shot(page, 'journey-9-corrected-field');

    await page.goto(`${stack.apex}/login`);
    await page.getByLabel('Email').fill('nobody@typoco.test');
    await page.getByLabel('Password').fill('wrong password here');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.locator('#login-error');
    await alert.waitFor();
    await page.getByLabel('Password').fill('another try');
    await alert.waitFor({ state: 'detached' });
  },
  HOUR,
);
