/**
 * The dashboard's two calls to the provisioning API's reveal routes (server-only: the bearer
 * never reaches a browser). Plain fetch on purpose for now: the typed client (libs/api-client)
 * is being regenerated from the API's document, and these routes join it with the next
 * `npm run api:generate`.
 */
import { config } from '../../../lib/config';

export type CredentialState = 'not-issued' | 'available' | 'revealed';
export type Credential = 'api-secret' | 'admin-password';
export const CREDENTIALS: readonly Credential[] = ['api-secret', 'admin-password'];

export interface CredentialsOverview {
  readonly tenantId: string;
  readonly deskLogin: string;
  readonly identityProvider: 'password' | 'google';
  readonly apiKey: string | null;
  readonly apiSecret: CredentialState;
  readonly adminPassword: CredentialState;
}

/** What the browser gets back from a reveal: the value once, or why not in words. */
export type RevealOutcome = { readonly ok: true; readonly login: string; readonly value: string } | { readonly ok: false; readonly code: string; readonly message: string };

async function call(path: string, method: 'GET' | 'POST'): Promise<Response> {
  const cfg = config();
  return fetch(`${cfg.provisioningUrl}${path}`, {
    method,
    cache: 'no-store',
    signal: AbortSignal.timeout(cfg.provisioningTimeoutMs),
    headers: { authorization: `Bearer ${cfg.provisioningSecret}` },
  });
}

/** Which credentials can still be shown; null when the API cannot say right now. */
export async function credentialsOverview(tenantId: string): Promise<CredentialsOverview | null> {
  try {
    const res = await call(`/v1/tenants/${encodeURIComponent(tenantId)}/credentials`, 'GET');
    return res.ok ? ((await res.json()) as CredentialsOverview) : null;
  } catch {
    return null;
  }
}

const WORDS: Record<string, string> = {
  'CREDENTIALS.ALREADY_REVEALED': 'It was shown once already, and it is not shown again.',
  'CREDENTIALS.NOT_AVAILABLE': 'There is nothing to show for this site right now.',
  'SECRETS.KEY_DESTROYED': 'It can no longer be read: the site was removed.',
};

export async function revealCredential(tenantId: string, credential: Credential): Promise<RevealOutcome> {
  let res: Response;
  try {
    res = await call(`/v1/tenants/${encodeURIComponent(tenantId)}/credentials/${credential}/reveal`, 'POST');
  } catch {
    return { ok: false, code: 'PROVISIONING.UNAVAILABLE', message: 'Our servers did not answer. Nothing was shown; try again in a moment.' };
  }
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (res.ok) {
    const value = credential === 'api-secret' ? body.apiSecret : body.password;
    const login = credential === 'api-secret' ? body.apiKey : body.login;
    if (typeof value === 'string' && typeof login === 'string') return { ok: true, login, value };
  }
  const code = typeof body.code === 'string' ? body.code : `HTTP.${res.status}`;
  return { ok: false, code, message: WORDS[code] ?? 'It could not be shown. Nothing was used up; try again in a moment.' };
}
