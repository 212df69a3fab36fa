import { initialTenantState, type TenantState } from '@tlc/tenant-events';
import { renderMail } from './templates.js';

const base: TenantState = { ...initialTenantState, exists: true, tenantId: 't-1', organization: 'Acme <b>Ltd</b>', subdomain: 'acme', adminEmail: 'ada@acme.test', status: 'Active' };
const links = { webUrl: 'https://example.com', verifyUrl: 'https://example.com/verify-email?token=v1.x', verifyTtlHours: 72, opsEmails: ['ops@example.com'] };

describe('mail templates', () => {
  it('asks an unconfirmed address to confirm, with the link in text and HTML, and nothing the signup typed', () => {
    const m = renderMail('verify-email', { ...base, organization: 'Payroll: re-verify at https://evil.example/login', emailVerified: false }, links)!;
    expect(m.to).toEqual(['ada@acme.test']);
    expect(m.subject).toBe('Confirm your email address');
    expect(m.text).toContain('https://example.com/verify-email?token=v1.x');
    expect(m.text).toContain('3 days');
    expect([m.subject, m.text, m.html].join('\n')).not.toMatch(/evil|Payroll/);
  });
  it('escapes the organisation in HTML where a confirmed owner reads it', () => {
    const m = renderMail('site-ready', { ...base, emailVerified: true }, links)!;
    expect(m.html).toContain('Acme &#60;b&#62;Ltd&#60;/b&#62;');
    expect(m.html).not.toContain('<b>Ltd</b>');
  });
  it('sends no confirmation request to an address already confirmed', () => {
    expect(renderMail('verify-email', { ...base, emailVerified: true }, links)).toBeUndefined();
  });
  it('tells only a confirmed address that its site is ready or could not be built', () => {
    expect(renderMail('site-ready', { ...base, emailVerified: false }, links)).toBeUndefined();
    expect(renderMail('site-ready', { ...base, emailVerified: true }, links)!.subject).toBe('Your site for Acme <b>Ltd</b> is ready');
    expect(renderMail('could-not-build', { ...base, emailVerified: false }, links)).toBeUndefined();
  });
  it('alerts operators of a Broken tenant, and nobody when none are configured', () => {
    const broken = { ...base, emailVerified: true, status: 'Broken' as const, lastError: { step: { step: 'drop-site' as const }, reason: 'bench failed', at: '', classification: 'permanent' } };
    expect(renderMail('tenant-broken', broken, links)!.to).toEqual(['ops@example.com']);
    expect(renderMail('tenant-broken', broken, { ...links, opsEmails: [] })).toBeUndefined();
  });
  it('says "taking longer" to a confirmed owner while the site is still being built, with the progress link', () => {
    const building = { ...base, emailVerified: true, status: 'Provisioning' as const };
    const m = renderMail('taking-longer', building, links)!;
    expect(m.subject).toBe('Your site for Acme <b>Ltd</b> is taking longer than usual');
    expect(m.text).toContain(`https://example.com/login?callbackUrl=${encodeURIComponent('/signup/t-1')}`);
    expect(m.text).toMatch(/email you again as soon as your site is ready/);
    expect(renderMail('taking-longer', { ...building, emailVerified: false }, links)).toBeUndefined();
    // Finished (or failed) before the message went out: it has its own message.
    expect(renderMail('taking-longer', { ...building, status: 'Active' }, links)).toBeUndefined();
    expect(renderMail('taking-longer', { ...building, status: 'RollingBack' }, links)).toBeUndefined();
  });
  it('never names the site in the note about a signup attempt', () => {
    const m = renderMail('existing-account', { ...base, emailVerified: true }, links)!;
    expect(m.text).not.toContain('acme.');
  });
});
