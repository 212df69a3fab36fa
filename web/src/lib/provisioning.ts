/**
 * The web's only write path: the provisioning service's HTTP API. Server-side only (the bearer
 * secret never reaches a browser). Every call has a timeout, and "cannot reach" / "too slow"
 * come back as one typed error the pages turn into plain words.
 */
import { createApiClient, type ApiClient, type Schemas } from '@tlc/api-client';
import { headers as requestHeaders } from 'next/headers';
import { unstable_rethrow } from 'next/navigation';
import { config } from './config';
import { visitorFrom } from './visitor';

export type UnavailableReason = 'unreachable' | 'timeout';

export class ProvisioningUnavailable extends Error {
  readonly code = 'PROVISIONING.UNAVAILABLE';
  constructor(
    readonly reason: UnavailableReason,
    cause?: unknown,
  ) {
    super(reason === 'timeout' ? 'The provisioning service did not answer in time.' : 'The provisioning service cannot be reached.', { cause });
    this.name = 'ProvisioningUnavailable';
  }
}

/**
 * RFC 9457 problem details as the API's document describes them (its stable `code`, the
 * offending field, ...), with `status` and `code` always set: an answer that is not a problem
 * document (a proxy's 502) gets `HTTP.<status>`.
 */
export type Problem = Omit<Partial<Schemas['Problem']>, 'status' | 'code'> & { readonly status: number; readonly code: string };

export type ApiResult<T> = { readonly ok: true; readonly status: number; readonly body: T } | { readonly ok: false; readonly problem: Problem };

/**
 * The visitor's address, passed on so the API's per-IP rate limits count visitors rather than
 * this server (the API trusts it from this server's address: PROVISIONING_TRUST_PROXY). It is
 * the one address web/server.mjs derived from the connection (src/lib/visitor.ts); a client's
 * own X-Forwarded-For never gets here. Nothing outside a request (no such call today).
 */
async function visitorAddress(): Promise<string | undefined> {
  try {
    return visitorFrom(await requestHeaders());
  } catch (err) {
    unstable_rethrow(err); // Next's own signals (dynamic rendering) must reach Next
    return undefined;
  }
}

interface CallOptions {
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

/**
 * The typed client (libs/api-client, generated from the API's OpenAPI document) for one call:
 * the bearer, the visitor's address, the timeout, and "cannot reach" / "too slow" as
 * ProvisioningUnavailable.
 */
async function api(opts: CallOptions = {}): Promise<ApiClient> {
  const cfg = config();
  const visitor = await visitorAddress();
  return createApiClient({
    baseUrl: cfg.provisioningUrl,
    secret: cfg.provisioningSecret,
    headers: visitor ? { 'x-forwarded-for': visitor } : {},
    fetch: async (request) => {
      const timeout = AbortSignal.timeout(opts.timeoutMs ?? cfg.provisioningTimeoutMs);
      const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
      try {
        return await fetch(new Request(request, { signal, cache: 'no-store' }));
      } catch (err) {
        if (timeout.aborted) throw new ProvisioningUnavailable('timeout', err);
        if (opts.signal?.aborted) throw err;
        throw new ProvisioningUnavailable('unreachable', err);
      }
    },
  });
}

/** openapi-fetch's answer as ApiResult: the documented body, or the problem. */
function result<T>(r: { data?: T; error?: unknown; response: Response }): ApiResult<T> {
  if (r.response.ok) return { ok: true, status: r.response.status, body: r.data as T };
  const p = (r.error && typeof r.error === 'object' ? r.error : {}) as Partial<Schemas['Problem']>;
  return { ok: false, problem: { ...p, status: r.response.status, code: typeof p.code === 'string' ? p.code : `HTTP.${r.response.status}` } };
}

export type Availability = Schemas['SubdomainAvailability'];
export const subdomainAvailability = async (name: string) => result(await (await api({ timeoutMs: 3000 })).GET('/v1/subdomains/{name}', { params: { path: { name } } }));

/** The two kinds of signup the API takes (its CreateTenantDto, password or Google). */
export type SignupBody =
  { organization: string; subdomain: string; adminEmail: string; adminPassword: string } | { organization: string; subdomain: string; adminEmail: string; identityProvider: 'google' };
export type SignupAccepted = Schemas['SignupAccepted'];

export const createTenant = async (body: SignupBody, idempotencyKey: string) => result(await (await api()).POST('/v1/tenants', { body, params: { header: { 'Idempotency-Key': idempotencyKey } } }));

export const getTenant = async (tenantId: string) => result(await (await api()).GET('/v1/tenants/{id}', { params: { path: { id: tenantId } } }));

/** The tenant's events and state: the progress page reads a pending retry's time from it. */
export const getTenantHistory = async (tenantId: string) => result(await (await api({ timeoutMs: 3000 })).GET('/v1/tenants/{id}/history', { params: { path: { id: tenantId } } }));

export const retryTenant = async (tenantId: string) => result(await (await api()).POST('/v1/tenants/{id}/retry', { params: { path: { id: tenantId } } }));

/**
 * `{tenantId, subdomain}` when the password is right, null when not (401), `'unverified'` when
 * it is right but the email's link was not used yet (403 AUTH.EMAIL_UNVERIFIED).
 */
export async function verifyCredentials(email: string, password: string): Promise<{ tenantId: string; subdomain: string } | 'unverified' | null> {
  const r = await (await api()).POST('/v1/credentials/verify', { body: { email, password } });
  if (r.data) return { tenantId: r.data.tenantId, subdomain: r.data.subdomain };
  if (r.error?.code === 'AUTH.EMAIL_UNVERIFIED') return 'unverified';
  const status = r.response.status;
  if (status === 401 || status === 400 || status === 404) return null;
  throw new ProvisioningUnavailable('unreachable', new Error(`credentials/verify answered ${status}`));
}

export type EmailConfirmed = Schemas['EmailVerified'];
/** Uses a verification link's token; a problem with code EMAIL.VERIFICATION_INVALID when it does not work. */
export const confirmEmail = async (token: string) => result(await (await api()).POST('/v1/email-verifications', { body: { token } }));
/** Asks for another link; the API answers the same (202) whether or not the address has a signup waiting. */
export const resendVerification = async (email: string) => result(await (await api()).POST('/v1/email-verifications/resend', { body: { email } }));

/** The dashboard's credentials (app/t/[slug]/credentials-api.ts): what can still be shown, never a value. */
export const getCredentials = async (tenantId: string) => result(await (await api()).GET('/v1/tenants/{id}/credentials', { params: { path: { id: tenantId } } }));
export const revealCredential = async (tenantId: string, credential: 'api-secret' | 'admin-password') =>
  result(await (await api()).POST('/v1/tenants/{id}/credentials/{credential}/reveal', { params: { path: { id: tenantId, credential } } }));
/** One bench call on the site (~1-3 s on a real one): a longer timeout than the other calls. */
export const rotateApiSecret = async (tenantId: string) =>
  result(await (await api({ timeoutMs: 60_000 })).POST('/v1/tenants/{id}/credentials/api-secret/rotate', { params: { path: { id: tenantId } } }));

/** The raw SSE response, for the route handler to pipe through unbuffered. */
export async function openTenantEvents(tenantId: string, lastEventId: string | null, signal: AbortSignal): Promise<Response> {
  // Only the connection gets a timeout; the stream itself lives as long as the browser listens.
  const client = await api({ signal, timeoutMs: 24 * 3600_000 });
  const { response } = await client.GET('/v1/tenants/{id}/events', {
    params: { path: { id: tenantId }, header: lastEventId ? { 'Last-Event-ID': lastEventId } : {} },
    headers: { accept: 'text/event-stream' },
    parseAs: 'stream',
  });
  return response;
}
