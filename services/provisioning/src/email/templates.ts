/**
 * The messages, text and HTML, written for the people who get them. Pure: the outbox passes
 * the tenant's current state and the links; a message that no longer makes sense (a link for
 * an address already verified) renders as `undefined` and is recorded as skipped.
 */
import type { TenantState } from '@tlc/tenant-events';
import type { MailKind } from './mail-intents.js';

export interface RenderedMail {
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

export interface MailLinks {
  /** The apex URL of the web app. */
  readonly webUrl: string;
  /** For verify-email: the full verification link. */
  readonly verifyUrl?: string;
  /** How long that link works. */
  readonly verifyTtlHours?: number;
  readonly opsEmails: readonly string[];
}

const ttlWords = (hours: number): string => (hours % 24 === 0 ? `${hours / 24} day${hours === 24 ? '' : 's'}` : `${hours} hours`);
const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function compose(to: readonly string[], subject: string, paragraphs: readonly string[], action?: { label: string; url: string }): RenderedMail {
  const text = [...paragraphs, ...(action ? [`${action.label}: ${action.url}`] : [])].join('\n\n') + '\n';
  const button = action
    ? `<p><a href="${esc(action.url)}" style="display:inline-block;padding:10px 18px;background:#2450c7;color:#fff;border-radius:6px;text-decoration:none">${esc(action.label)}</a></p>` +
      `<p style="color:#555;font-size:13px">Or copy this address into your browser: ${esc(action.url)}</p>`
    : '';
  const html = `<!doctype html><html><body style="font:15px/1.5 system-ui,sans-serif;color:#1d2433">${paragraphs.map((p) => `<p>${esc(p)}</p>`).join('')}${button}</body></html>`;
  return { to, subject, text, html };
}

export function renderMail(kind: MailKind, state: TenantState, links: MailLinks): RenderedMail | undefined {
  const to = [state.adminEmail];
  const org = state.organization;
  switch (kind) {
    case 'verify-email':
      if (state.emailVerified || !links.verifyUrl) return undefined;
      // Nothing the signup typed (the organisation) goes into mail to an address nobody has
      // proven: a stranger could otherwise send anyone text and links from our domain.
      return compose(
        to,
        'Confirm your email address',
        [
          'Someone, hopefully you, signed up for an ERP site with this email address.',
          `Confirm the address to sign in. We are building the site meanwhile. The link works for ${ttlWords(links.verifyTtlHours ?? 72)}.`,
          'If this was not you, ignore this message: nobody can sign in with your address until it is confirmed.',
        ],
        { label: 'Confirm my email', url: links.verifyUrl },
      );
    case 'existing-account':
      return compose(
        to,
        'Someone tried to sign up with your email',
        [
          'Someone tried to create a new ERP site with this email address. Your address already has a site, so nothing new was made.',
          'If that was you, sign in instead. If not, you can ignore this message; your site is unchanged.',
        ],
        { label: 'Sign in', url: `${links.webUrl}/login` },
      );
    case 'site-ready':
      // An address nobody confirmed hears only the confirmation request (maybe it never signed up).
      if (!state.emailVerified) return undefined;
      return compose(to, `Your site for ${org} is ready`, [`Your ERP site for "${org}" is ready.`], {
        label: 'Open your site',
        url: `${links.webUrl}/login?callbackUrl=${encodeURIComponent('/auth/continue')}`,
      });
    case 'could-not-build':
      if (!state.emailVerified) return undefined;
      return compose(
        to,
        `We could not build your site for ${org}`,
        [
          `Something went wrong while we built your ERP site for "${org}", and we undid the half-built parts. Nothing was charged.`,
          'You can try again from your signup page; most problems are gone on a second try.',
        ],
        { label: 'Try again', url: `${links.webUrl}/login?callbackUrl=${encodeURIComponent(`/signup/${state.tenantId}`)}` },
      );
    case 'taking-longer':
      // Only while it is still being built: a build that ended meanwhile has its own message.
      if (!state.emailVerified || (state.status !== 'Requested' && state.status !== 'Provisioning')) return undefined;
      return compose(
        to,
        `Your site for ${org} is taking longer than usual`,
        [
          `We are still building your ERP site for "${org}". It is taking longer than it usually does, and it is still going: nothing is lost, and you do not need to do anything.`,
          'You can close the progress page. We will email you again as soon as your site is ready, or if we cannot build it.',
        ],
        { label: 'See the progress', url: `${links.webUrl}/login?callbackUrl=${encodeURIComponent(`/signup/${state.tenantId}`)}` },
      );
    case 'tenant-broken':
      if (links.opsEmails.length === 0) return undefined;
      return compose(links.opsEmails, `[ops] Tenant ${state.subdomain} is Broken`, [
        `Tenant ${state.tenantId} (${state.subdomain}) is Broken: its rollback could not finish and it needs a person.`,
        `Last error: ${state.lastError?.reason ?? 'unknown'} (step ${state.lastError?.step.step ?? 'unknown'}).`,
        'See docs/operations.md, "A tenant in trouble". tenantctl history shows the whole story.',
      ]);
    default: {
      const never: never = kind;
      throw new Error(`unhandled mail kind ${String(never)}`);
    }
  }
}
