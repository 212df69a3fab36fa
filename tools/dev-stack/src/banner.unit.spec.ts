/** The start-up banner: the mailbox, SMTP passwords masked, and only the pages that answered. */
import { banner } from './banner.js';

const base = {
  webUrl: 'http://example.localhost:3000',
  apiUrl: 'http://127.0.0.1:4000',
  env: {
    EVENT_STORE_URL: 'sqlite:/d/events.db',
    READ_MODEL_URL: 'postgres://tlc:pg-secret@db:5432/rm',
    BENCH_PATH: '/d/bench',
    BENCH_SIM_LATENCY: 'new-site:3s',
    BENCH_BIN: 'bench-sim',
    SMTP_URL: 'smtp://127.0.0.1:1025',
  },
  dataDir: '/d',
  secretsFile: '/d/dev-secrets.json',
  secretsCreated: true,
  simulated: true,
};

describe('npm start banner', () => {
  it('names the local mailbox and every page when all of them answer', () => {
    const text = banner({ ...base, mailboxUrl: 'http://127.0.0.1:1080' });
    expect(text).toContain('Mailbox (every email the product sends): http://127.0.0.1:1080');
    expect(text).toContain('Sign up          http://example.localhost:3000/signup');
    expect(text).toContain('(docs http://127.0.0.1:4000/docs, health http://127.0.0.1:4000/health, metrics http://127.0.0.1:4000/metrics)');
    expect(text).toContain('SMTP_URL=smtps://');
    expect(text).not.toContain('pg-secret');
  });

  it("says mail goes to the shell's SMTP_URL, password masked, when there is no local mailbox", () => {
    const text = banner({ ...base, env: { ...base.env, SMTP_URL: 'smtps://mailer:relay-pass@smtp.example.com:465' } });
    expect(text).not.toContain('Mailbox');
    expect(text).toContain('smtps://mailer:***@smtp.example.com:465');
    expect(text).not.toContain('relay-pass');
  });

  it('names the Google stand-in when --google-stub runs it, and only then', () => {
    expect(banner({ ...base, googleStubUrl: 'http://127.0.0.1:9400' })).toContain('Google sign-in   local stand-in at http://127.0.0.1:9400 (any email, any password; not Google)');
    expect(banner(base)).not.toContain('Google sign-in');
  });

  it('leaves out a page that did not answer instead of printing a dead link', () => {
    const text = banner({ ...base, mailboxUrl: 'http://127.0.0.1:1080', answering: { signup: false, docs: false, health: true, metrics: true } });
    expect(text).not.toContain('/signup');
    expect(text).not.toContain('/docs');
    expect(text).toContain('(health http://127.0.0.1:4000/health, metrics http://127.0.0.1:4000/metrics)');
    expect(text).toContain('Web app          http://example.localhost:3000');
  });
});
