/**
 * The outbox against a real SMTP server (the mail catcher) and a real store: the verification
 * link arrives and works; sign-in waits for it; a signup with a taken email tells the owner, not
 * the caller; a refused message is retried; two instances on one store send each message once.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMailCatcher, type CaughtMail, type MailCatcher } from '@tlc/mail-catcher';
import { auth, idem, signupBody, startHarness, type Harness } from '../test-support/app-harness.js';
import { mailStream } from './mail-state.js';

const tokenIn = (m: CaughtMail): string => {
  const found = /verify-email\?token=([A-Za-z0-9._-]+)/.exec(m.text);
  if (!found) throw new Error(`no verification link in: ${m.text}`);
  return found[1];
};

describe('email outbox', () => {
  let catcher: MailCatcher;
  let h: Harness;

  beforeAll(async () => {
    catcher = await startMailCatcher({ smtpPort: 0 });
    h = await startHarness('sqlite', { PM_ENABLED: 'false', SMTP_URL: catcher.smtpUrl, WEB_URL: 'http://example.localhost:3000', MAIL_FROM: 'ERP <no-reply@example.localhost>' });
  });
  afterAll(async () => {
    await h?.close();
    await catcher?.close();
  });

  const signup = (body: Record<string, unknown>) => h.inject({ method: 'POST', url: '/v1/tenants', headers: { ...auth, ...idem() }, payload: body });
  const signIn = (email: string, password: string) => h.inject({ method: 'POST', url: '/v1/credentials/verify', headers: auth, payload: { email, password } });

  it('sends a verification link; sign-in is refused until it is used, then allowed', async () => {
    const body = signupBody();
    expect((await signup(body)).statusCode).toBe(202);
    const mail = await catcher.waitFor((m) => m.to.includes(body.adminEmail) && m.subject === 'Confirm your email address');
    expect(mail.text).toContain('http://example.localhost:3000/verify-email?token=');
    expect(mail.html).toContain('Confirm my email');
    expect(mail.from).toContain('no-reply@example.localhost');

    const before = await signIn(body.adminEmail, body.adminPassword);
    expect(before.statusCode).toBe(403);
    expect(before.json().code).toBe('AUTH.EMAIL_UNVERIFIED');
    // A wrong password does not learn that the address is waiting for its link.
    expect((await signIn(body.adminEmail, 'wrong password here')).json().code).toBe('AUTH.INVALID_CREDENTIALS');

    const token = tokenIn(mail);
    const tampered = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    const bad = await h.inject({ method: 'POST', url: '/v1/email-verifications', headers: auth, payload: { token: tampered } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'EMAIL.VERIFICATION_INVALID', field: 'token' });

    const ok = await h.inject({ method: 'POST', url: '/v1/email-verifications', headers: auth, payload: { token } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ subdomain: body.subdomain, email: body.adminEmail, emailVerified: true });
    // Using the link twice is harmless.
    expect((await h.inject({ method: 'POST', url: '/v1/email-verifications', headers: auth, payload: { token } })).statusCode).toBe(200);
    expect((await signIn(body.adminEmail, body.adminPassword)).statusCode).toBe(200);
  });

  it('answers a signup with a taken email without naming the site, and sends its owner one note', async () => {
    const owner = signupBody();
    expect((await signup(owner)).statusCode).toBe(202);
    await catcher.waitFor((m) => m.to.includes(owner.adminEmail));
    const again = await signup(signupBody({ adminEmail: owner.adminEmail }));
    expect(again.statusCode).toBe(409);
    expect(again.body).not.toContain(owner.subdomain);
    expect(again.json().subdomain).toBeUndefined();
    const note = await catcher.waitFor((m) => m.to.includes(owner.adminEmail) && /tried to sign up/.test(m.subject));
    expect(note.text).not.toContain('token=');
    // A second attempt within the hour sends no second note.
    expect((await signup(signupBody({ adminEmail: owner.adminEmail }))).statusCode).toBe(409);
    const resend = await h.inject({ method: 'POST', url: '/v1/email-verifications/resend', headers: auth, payload: { email: owner.adminEmail } });
    expect(resend.statusCode).toBe(202);
    await new Promise((r) => setTimeout(r, 1500));
    expect(catcher.messages().filter((m) => m.to.includes(owner.adminEmail) && /tried to sign up/.test(m.subject))).toHaveLength(1);
  });

  it('answers "resend" the same for an unknown address and sends nothing', async () => {
    const email = `nobody-${randomBytes(4).toString('hex')}@acme.test`;
    const res = await h.inject({ method: 'POST', url: '/v1/email-verifications/resend', headers: auth, payload: { email } });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ accepted: true });
    await new Promise((r) => setTimeout(r, 1000));
    expect(catcher.messages().some((m) => m.to.includes(email))).toBe(false);
  });

  it('retries a message the SMTP server refused, and records each attempt', async () => {
    catcher.failNext(1);
    const body = signupBody();
    const res = await signup(body);
    const mail = await catcher.waitFor((m) => m.to.includes(body.adminEmail), 20_000);
    expect(mail.subject).toBe('Confirm your email address');
    const [signupEvent] = await h.store.readStream(`tenant-${res.json().tenantId}`, { maxCount: 1 });
    const types = async () => (await h.store.readStream(mailStream(signupEvent.eventId))).map((e) => e.type);
    // MailSent is recorded just after the SMTP server took the message.
    for (let i = 0; i < 50 && (await types()).length < 4; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await types()).toEqual(['MailClaimed', 'MailFailed', 'MailClaimed', 'MailSent']);
    const record = await h.store.readStream(mailStream(signupEvent.eventId));
    expect(JSON.stringify(record)).not.toContain('token=');
    const metrics = await (await fetch(`${h.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/provisioning_emails_total\{kind="verify-email",outcome="MailFailed"\} [1-9]/);
  });
});

describe('email outbox with two instances on one store', () => {
  it('sends every message exactly once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outbox-'));
    const catcher = await startMailCatcher({ smtpPort: 0 });
    const env = { PM_ENABLED: 'false', SMTP_URL: catcher.smtpUrl, SECRETS_KEY: randomBytes(32).toString('hex') };
    const a = await startHarness('sqlite', env, { sqliteFile: join(dir, 'events.db') });
    const b = await startHarness('sqlite', env, { sqliteFile: join(dir, 'events.db') });
    try {
      const bodies = Array.from({ length: 12 }, () => signupBody());
      await Promise.all(bodies.map((body, i) => (i % 2 ? a : b).inject({ method: 'POST', url: '/v1/tenants', headers: { ...auth, ...idem() }, payload: body })));
      for (const body of bodies) await catcher.waitFor((m) => m.to.includes(body.adminEmail), 20_000);
      await new Promise((r) => setTimeout(r, 1500)); // a double would arrive by now
      const ids = catcher.messages().map((m) => m.messageId);
      expect(ids).toHaveLength(bodies.length);
      expect(new Set(ids).size).toBe(bodies.length);
    } finally {
      await a.close();
      await b.close();
      await catcher.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
