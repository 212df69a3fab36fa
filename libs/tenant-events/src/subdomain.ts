/**
 * Subdomain rules shared by the API and the web form. Every rejection has its own code and a
 * sentence a person understands; the checks run in the order a person would fix them.
 */
export const SUBDOMAIN_MIN = 3;
export const SUBDOMAIN_MAX = 32;

export const RESERVED_SUBDOMAINS: ReadonlySet<string> = new Set([
  'www',
  'api',
  'admin',
  'administrator',
  'app',
  'apps',
  'auth',
  'oauth',
  'sso',
  'login',
  'logout',
  'signin',
  'signout',
  'signup',
  'register',
  'account',
  'accounts',
  'my',
  'me',
  'root',
  'system',
  'mail',
  'email',
  'smtp',
  'imap',
  'pop',
  'pop3',
  'mx',
  'ns',
  'ns1',
  'ns2',
  'ns3',
  'dns',
  'ftp',
  'sftp',
  'ssh',
  'vpn',
  'proxy',
  'cdn',
  'static',
  'assets',
  'media',
  'files',
  'img',
  'images',
  'status',
  'health',
  'metrics',
  'docs',
  'help',
  'support',
  'blog',
  'news',
  'billing',
  'pay',
  'payments',
  'invoice',
  'dashboard',
  'console',
  'portal',
  'dev',
  'staging',
  'stage',
  'test',
  'testing',
  'demo',
  'sandbox',
  'preview',
  'prod',
  'production',
  'internal',
  'intranet',
  'erp',
  'erpnext',
  'frappe',
  'desk',
  'bench',
  'press',
  'localhost',
  'local',
  'example',
  'security',
  'abuse',
  'postmaster',
  'hostmaster',
  'webmaster',
  'noreply',
  'no-reply',
  'standby',
  'socket',
  'socketio',
  'ws',
  'wss',
  'git',
  'owner',
  'team',
  'onboarding',
  'continue',
  'legal',
  'privacy',
  'terms',
  'about',
  'www1',
  'www2',
  'web',
  'site',
  'sites',
  'tenant',
  'tenants',
]);

export type SubdomainRejection =
  'SUBDOMAIN.REQUIRED' | 'SUBDOMAIN.TOO_SHORT' | 'SUBDOMAIN.TOO_LONG' | 'SUBDOMAIN.INVALID_CHARACTERS' | 'SUBDOMAIN.HYPHEN_AT_EDGE' | 'SUBDOMAIN.PUNYCODE' | 'SUBDOMAIN.RESERVED';

export type SubdomainCheck = { readonly ok: true; readonly subdomain: string } | { readonly ok: false; readonly subdomain: string; readonly code: SubdomainRejection; readonly message: string };

const LABEL = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
const ALLOWED = /^[a-z0-9-]*$/;

export const normalizeSubdomain = (input: string): string => input.trim().toLowerCase();

export function checkSubdomain(input: unknown): SubdomainCheck {
  const subdomain = typeof input === 'string' ? normalizeSubdomain(input) : '';
  const reject = (code: SubdomainRejection, message: string): SubdomainCheck => ({ ok: false, subdomain, code, message });
  if (subdomain.length === 0) return reject('SUBDOMAIN.REQUIRED', 'Choose a subdomain for your site.');
  if (!ALLOWED.test(subdomain)) {
    return reject('SUBDOMAIN.INVALID_CHARACTERS', 'A subdomain may only use the letters a-z, the digits 0-9 and hyphens.');
  }
  if (subdomain.length < SUBDOMAIN_MIN) return reject('SUBDOMAIN.TOO_SHORT', `A subdomain needs at least ${SUBDOMAIN_MIN} characters.`);
  if (subdomain.length > SUBDOMAIN_MAX) return reject('SUBDOMAIN.TOO_LONG', `A subdomain can have at most ${SUBDOMAIN_MAX} characters.`);
  if (!LABEL.test(subdomain)) return reject('SUBDOMAIN.HYPHEN_AT_EDGE', 'A subdomain cannot start or end with a hyphen.');
  // `xn--` and every other `??--` prefix are reserved for internationalised (punycode) labels.
  if (subdomain.slice(2, 4) === '--') {
    return reject('SUBDOMAIN.PUNYCODE', 'A subdomain cannot have two hyphens in the third and fourth places (that form is reserved for international names).');
  }
  if (RESERVED_SUBDOMAINS.has(subdomain)) return reject('SUBDOMAIN.RESERVED', `"${subdomain}" is reserved. Please choose another subdomain.`);
  return { ok: true, subdomain };
}

/** True for a label that may appear left of the root domain (used by redirect and host checks). */
export const isValidSubdomainLabel = (label: string): boolean => checkSubdomain(label).ok && label === normalizeSubdomain(label);
