/**
 * Email settings, parsed once with the rest of the configuration. Without SMTP_URL the service
 * sends nothing (and says so at start-up): password signups then cannot be verified, which is
 * right for a test harness and wrong for anything people use.
 */
import { ConfigError, intVar, type Env } from '../config/env.js';

export interface EmailConfig {
  /** `smtp://host:port` or `smtps://user:pass@host:465`; undefined: no email leaves. */
  readonly smtpUrl?: string;
  /** The From header, e.g. `Example ERP <no-reply@example.com>`. */
  readonly from: string;
  /** The web app's apex URL: links in emails point here (`/verify-email?token=...`). */
  readonly webUrl: string;
  /** How long a verification link works. */
  readonly verificationTtlMs: number;
  /** Who hears about Broken tenants (OPS_EMAILS, comma-separated). */
  readonly opsEmails: readonly string[];
  /** Sending attempts per message before it is dead-lettered. */
  readonly maxAttempts: number;
  /** "Taking longer" mail (slow-builds.ts): the multiples of the expected build time that send one, ascending; empty: none. */
  readonly slowMultiples: readonly number[];
  /** The expected build time before any site was built (no step times to go by). */
  readonly buildEtaFallbackMs: number;
}

/** `2,4,8` -> [2, 4, 8]: numbers above 1, strictly ascending; `off` or `none` for none. */
export function parseMultiples(raw: string | undefined): readonly number[] {
  const v = raw?.trim();
  if (v === undefined || v === '') return [2, 4, 8];
  if (v === 'off' || v === 'none') return [];
  const parts = v.split(',').map((p) => Number(p.trim()));
  if (parts.some((n) => !Number.isFinite(n) || n <= 1 || n > 1000) || parts.some((n, i) => i > 0 && n <= parts[i - 1])) {
    throw new ConfigError('SLOW_BUILD_EMAIL_MULTIPLES', `must be ascending numbers above 1 separated by commas (like 2,4,8), or off; got "${v}".`);
  }
  return parts;
}

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+$/;

export function parseEmailConfig(env: Env, rootDomain: string): EmailConfig {
  const smtpUrl = env.SMTP_URL?.trim() || undefined;
  if (smtpUrl !== undefined) {
    let url: URL;
    try {
      url = new URL(smtpUrl);
    } catch {
      throw new ConfigError('SMTP_URL', 'must be a URL like smtp://127.0.0.1:1025 or smtps://user:password@mail.example.com:465.');
    }
    if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new ConfigError('SMTP_URL', `must use smtp: or smtps:, got "${url.protocol}".`);
  }
  const webUrl = (env.WEB_URL?.trim() || `https://${rootDomain}`).replace(/\/+$/, '');
  let parsed: URL;
  try {
    parsed = new URL(webUrl);
  } catch {
    throw new ConfigError('WEB_URL', `must be the web app's URL, like https://${rootDomain}.`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new ConfigError('WEB_URL', 'must be an http(s) URL.');
  const opsEmails = (env.OPS_EMAILS ?? '')
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean);
  const bad = opsEmails.find((e) => !EMAIL.test(e));
  if (bad) throw new ConfigError('OPS_EMAILS', `must be a comma-separated list of email addresses; "${bad}" is not one.`);
  return Object.freeze({
    smtpUrl,
    from: env.MAIL_FROM?.trim() || `no-reply@${rootDomain}`,
    webUrl,
    verificationTtlMs: intVar(env, 'EMAIL_VERIFICATION_TTL_HOURS', 72, 1, 24 * 30) * 3_600_000,
    opsEmails: Object.freeze(opsEmails),
    maxAttempts: intVar(env, 'EMAIL_MAX_ATTEMPTS', 8, 1, 100),
    slowMultiples: Object.freeze(parseMultiples(env.SLOW_BUILD_EMAIL_MULTIPLES)),
    buildEtaFallbackMs: intVar(env, 'BUILD_ETA_FALLBACK_SECONDS', 300, 1, 86_400) * 1000,
  });
}
