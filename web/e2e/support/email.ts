/**
 * Email proof in the browser (issue 15, finding 2): a password signup lands on "Check your
 * email" and signs nobody in; the provisioning service's outbox mails a link to the address
 * (caught by the stack's mail catcher); the link's page confirms the address when the person
 * presses its button, then offers "Sign in", which leads to the signup's progress page.
 */
import type { Page } from 'playwright-core';
import type { CaughtMail } from '@tlc/mail-catcher';
import type { Stack } from './stack.js';

export const CONFIRM_SUBJECT_PREFIX = 'Confirm your email address';
export const EXISTING_ACCOUNT_SUBJECT = 'Someone tried to sign up with your email';
const MAIL_TIMEOUT_MS = 30_000;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const to = (m: CaughtMail, email: string) => m.to.includes(email.toLowerCase());

/** The mails the stack's catcher holds for `email`, oldest first. */
export const mailTo = (stack: Stack, email: string): CaughtMail[] => stack.mail.messages().filter((m) => to(m, email));

/** Waits for the confirmation mail to `email` (the first one, when there are several). */
export const confirmationMail = (stack: Stack, email: string, timeoutMs = MAIL_TIMEOUT_MS): Promise<CaughtMail> =>
  stack.mail.waitFor((m) => to(m, email) && m.subject.startsWith(CONFIRM_SUBJECT_PREFIX), timeoutMs);

/** Waits for the note an address's owner gets when someone signs up with it again. */
export const existingAccountMail = (stack: Stack, email: string, timeoutMs = MAIL_TIMEOUT_MS): Promise<CaughtMail> =>
  stack.mail.waitFor((m) => to(m, email) && m.subject === EXISTING_ACCOUNT_SUBJECT, timeoutMs);

/** The `<NEXTAUTH_URL>/verify-email?token=...` link in a confirmation mail's text. */
export function verificationLink(stack: Stack, mail: CaughtMail): string {
  const m = new RegExp(`${escapeRe(stack.apex)}/verify-email\\?token=[A-Za-z0-9._-]+`).exec(mail.text);
  if (!m) throw new Error(`no ${stack.apex}/verify-email link in "${mail.subject}":\n${mail.text}`);
  return m[0];
}

/** Waits for the "Check your email" page a password signup lands on (the same page for every address). */
export async function expectCheckEmailPage(page: Page, email: string): Promise<void> {
  await page.waitForURL((u) => u.pathname === '/signup/check-email', { timeout: 60_000 });
  expect(new URL(page.url()).searchParams.get('email')).toBe(email);
  await page.getByRole('heading', { name: 'Check your email' }).waitFor();
}

export interface Confirmed {
  readonly tenantId: string;
  /** The confirmed page's "Sign in" link: `/login?callbackUrl=%2Fsignup%2F<tenantId>&email=<addr>`. */
  readonly signInUrl: string;
}

/**
 * Waits for the confirmation mail to `email`, opens its link in `page`, presses "Confirm my
 * email" (the link alone confirms nothing: mail scanners open links too) and waits for "Email
 * confirmed". Answers the tenant and the "Sign in" link the page offers.
 */
export async function confirmEmail(page: Page, stack: Stack, email: string): Promise<Confirmed> {
  const link = verificationLink(stack, await confirmationMail(stack, email));
  await page.goto(link);
  await page.getByRole('button', { name: 'Confirm my email' }).click();
  await page.getByRole('heading', { name: 'Email confirmed' }).waitFor({ timeout: 30_000 });
  const href = await page.locator('main').getByRole('link', { name: 'Sign in' }).getAttribute('href');
  const u = new URL(href ?? '', stack.apex);
  const m = /^\/signup\/([0-9a-f-]{36})$/.exec(u.searchParams.get('callbackUrl') ?? '');
  if (u.pathname !== '/login' || !m || u.searchParams.get('email') !== email) throw new Error(`unexpected "Sign in" link after confirming ${email}: ${href}`);
  return { tenantId: m[1], signInUrl: u.href };
}

/**
 * On the confirmed page: "Sign in" (the login page has the email filled in), the password,
 * "Sign in". Resolves once the login page is left (for the progress page, or the dashboard
 * when the site was ready already).
 */
export async function signInFromConfirmed(page: Page, email: string, password: string): Promise<void> {
  await page.locator('main').getByRole('link', { name: 'Sign in' }).click();
  await page.waitForURL((u) => u.pathname === '/login');
  expect(await page.getByLabel('Email').inputValue()).toBe(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => u.pathname !== '/login', { timeout: 30_000 });
}

/**
 * The whole new flow after pressing Create on the signup form: check-email, the mailed link,
 * confirm, sign in. Answers the tenant id (the page is then on its progress page or dashboard).
 */
export async function confirmAndSignIn(page: Page, stack: Stack, email: string, password: string): Promise<string> {
  await expectCheckEmailPage(page, email);
  const { tenantId } = await confirmEmail(page, stack, email);
  await signInFromConfirmed(page, email, password);
  return tenantId;
}
