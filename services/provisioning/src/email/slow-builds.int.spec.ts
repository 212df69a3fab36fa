/**
 * "It is taking longer", against the real SMTP catcher and a real store: a build that has run
 * past 2x and 6x its expected time (1 s here: no history, so BUILD_ETA_FALLBACK_SECONDS) records
 * ProvisioningSlow once per multiple and mails a confirmed owner once per multiple, also with two
 * instances watching; an address nobody confirmed is not mailed; a finished build is not.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startMailCatcher, type MailCatcher } from '@tlc/mail-catcher';
import { auth, idem, signupBody, startHarness, type Harness } from '../test-support/app-harness.js';
import { driver } from '../test-support/drive.js';
import { mailStream } from './mail-state.js';

const dir = mkdtempSync(join(tmpdir(), 'slow-builds-'));
// An empty read model of our own: no step history, so the expected time is the fallback.
process.env.READ_MODEL_URL = `sqlite:${join(dir, 'read-model.db')}`;
const ENV = { PM_ENABLED: 'false', WEB_URL: 'http://example.localhost:3000', BUILD_ETA_FALLBACK_SECONDS: '1', SLOW_BUILD_EMAIL_MULTIPLES: '2,6' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let catcher: MailCatcher;
beforeAll(async () => {
  catcher = await startMailCatcher({ smtpPort: 0 });
});
afterAll(async () => {
  await catcher?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function googleSignup(h: Harness) {
  const body = signupBody({ identityProvider: 'google' });
  delete (body as { adminPassword?: string }).adminPassword;
  const res = await h.inject({ method: 'POST', url: '/v1/tenants', headers: { ...auth, ...idem() }, payload: body });
  expect(res.statusCode).toBe(202);
  return { body, tenantId: res.json().tenantId as string };
}

const slowEvents = async (h: Harness, tenantId: string) => (await h.store.readStream(`tenant-${tenantId}`)).filter((e) => e.type === 'ProvisioningSlow');
const mailsTo = (email: string) => catcher.messages().filter((m) => m.to.includes(email) && /taking longer/.test(m.subject));

describe('taking-longer email', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('sqlite', { ...ENV, SMTP_URL: catcher.smtpUrl });
  });
  afterAll(async () => h?.close());

  it('mails a confirmed owner once per multiple passed, with a link to the progress page, and stops when the build ends', async () => {
    const { body, tenantId } = await googleSignup(h);
    const drive = driver(h.service);
    await drive.start(tenantId, { step: 'new-site' }); // and it hangs there
    const first = await catcher.waitFor((m) => m.to.includes(body.adminEmail) && /taking longer/.test(m.subject), 20_000);
    expect(first.subject).toBe('Your site for Acme Ltd is taking longer than usual');
    expect(first.text).toContain(`http://example.localhost:3000/login?callbackUrl=${encodeURIComponent(`/signup/${tenantId}`)}`);
    expect(first.html).toContain('See the progress');
    for (let i = 0; i < 150 && mailsTo(body.adminEmail).length < 2; i++) await sleep(100);
    await sleep(4500); // a double, or a mail for a multiple that is not configured, would arrive by now
    expect(mailsTo(body.adminEmail)).toHaveLength(2);
    const slow = await slowEvents(h, tenantId);
    expect(slow.map((e) => (e.data as { multiple: number }).multiple)).toEqual([2, 6]);
    expect(slow.every((e) => (e.data as { expectedMs: number }).expectedMs === 1000)).toBe(true);
    // Each message went through its own outbox stream, named after the event.
    expect((await h.store.readStream(mailStream(slow[0].eventId))).map((e) => e.type)).toEqual(['MailClaimed', 'MailSent']);

    // The build ends (it fails for good and rolls back): no more "taking longer".
    await drive.send('RecordStepFailed', {
      tenantId,
      step: 'new-site',
      attempt: 1,
      classification: 'permanent',
      exitCode: 1,
      reason: 'The database server refused the connection.',
      stderrTail: '',
      willRetry: false,
      durationMs: 30,
    });
    await drive.dropSite(tenantId);
    await catcher.waitFor((m) => m.to.includes(body.adminEmail) && /could not build/.test(m.subject), 20_000);
    await sleep(2500);
    expect(mailsTo(body.adminEmail)).toHaveLength(2);
    expect(await slowEvents(h, tenantId)).toHaveLength(2);
  });

  it('records the slow build of an address nobody confirmed, but mails it nothing', async () => {
    const body = signupBody();
    const res = await h.inject({ method: 'POST', url: '/v1/tenants', headers: { ...auth, ...idem() }, payload: body });
    const tenantId = res.json().tenantId as string;
    await driver(h.service).start(tenantId, { step: 'new-site' });
    let slow: Awaited<ReturnType<typeof slowEvents>> = [];
    for (let i = 0; i < 150 && slow.length === 0; i++) {
      await sleep(100);
      slow = await slowEvents(h, tenantId);
    }
    expect(slow.length).toBeGreaterThan(0);
    let outcome: string[] = [];
    for (let i = 0; i < 50 && !outcome.includes('MailSkipped'); i++) {
      await sleep(100);
      outcome = (await h.store.readStream(mailStream(slow[0].eventId)).catch(() => [])).map((e) => e.type);
    }
    expect(outcome).toEqual(['MailClaimed', 'MailSkipped']);
    expect(mailsTo(body.adminEmail)).toHaveLength(0);
  });
});

describe('taking-longer email with two instances on one store', () => {
  it('records each multiple once and sends each mail once', async () => {
    const env = { ...ENV, SMTP_URL: catcher.smtpUrl, SECRETS_KEY: randomBytes(32).toString('hex'), SLOW_BUILD_EMAIL_MULTIPLES: '2' };
    const a = await startHarness('sqlite', env, { sqliteFile: join(dir, 'events.db') });
    const b = await startHarness('sqlite', env, { sqliteFile: join(dir, 'events.db') });
    try {
      const { body, tenantId } = await googleSignup(a);
      await driver(b.service).start(tenantId, { step: 'new-site' });
      await catcher.waitFor((m) => m.to.includes(body.adminEmail) && /taking longer/.test(m.subject), 20_000);
      await sleep(4500); // both instances have looked at it more than once by now
      expect(mailsTo(body.adminEmail)).toHaveLength(1);
      expect(await slowEvents(a, tenantId)).toHaveLength(1);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe('taking-longer email across a restart', () => {
  it('keeps watching a build that was in flight when the service stopped (the list rides on the outbox checkpoint)', async () => {
    const env = { ...ENV, SMTP_URL: catcher.smtpUrl, SECRETS_KEY: randomBytes(32).toString('hex'), SLOW_BUILD_EMAIL_MULTIPLES: '4' };
    const file = join(dir, 'restart.db');
    const a = await startHarness('sqlite', env, { sqliteFile: file });
    const { body, tenantId } = await googleSignup(a);
    await driver(a.service).start(tenantId, { step: 'new-site' });
    await sleep(600); // the outbox has seen the signup and the step start
    await a.close(); // well before 4 x 1 s: nothing was recorded yet
    const b = await startHarness('sqlite', env, { sqliteFile: file });
    try {
      // b resumes past those events (a saved its checkpoint on the way out): only the saved list names the build.
      await catcher.waitFor((m) => m.to.includes(body.adminEmail) && /taking longer/.test(m.subject), 20_000);
      expect(await slowEvents(b, tenantId)).toHaveLength(1);
    } finally {
      await b.close();
    }
  });
});
