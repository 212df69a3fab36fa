/**
 * The web's only write path: the provisioning service's HTTP API. Server-side only (the bearer
 * secret never reaches a browser). Every call has a timeout, and "cannot reach" / "too slow"
 * come back as one typed error the pages turn into plain words.
 */
import { headers as requestHeaders } from 'next/headers';
import { unstable_rethrow } from 'next/navigation';
import { config } from './config';
import { visitorFrom } from './visitor';

export type UnavailableReason = 'unreachable' | 'timeout';

export class ProvisioningUnavailable extends Error {
  readonly code = 'PROVISIONING.UNAVAILABLE';
  constructor(readonly reason: UnavailableReason, cause?: unknown) {
    super(reason === 'timeout' ? 'The provisioning service did not answer in time.' : 'The provisioning service cannot be reached.', { cause });
    this.name = 'ProvisioningUnavailable';
  }
}

/** RFC 9457 problem details as the API sends them, plus its stable `code` and offending field. */
export interface Problem {
  readonly status: number;
  readonly code: string;
  readonly title?: string;
  readonly detail?: string;
  readonly field?: string;
  readonly subdomain?: string;
  readonly [extra: string]: unknown;
}

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

async function call(path: string, init: RequestInit & { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<Response> {
  const cfg = config();
  const timeout = AbortSignal.timeout(init.timeoutMs ?? cfg.provisioningTimeoutMs);
  const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${cfg.provisioningSecret}`);
  const visitor = await visitorAddress();
  if (visitor) headers.set('x-forwarded-for', visitor);
  if (init.body) headers.set('content-type', 'application/json');
  try {
    return await fetch(`${cfg.provisioningUrl}${path}`, { ...init, headers, signal, cache: 'no-store' });
  } catch (err) {
    if (timeout.aborted) throw new ProvisioningUnavailable('timeout', err);
    if (init.signal?.aborted) throw err;
    throw new ProvisioningUnavailable('unreachable', err);
  }
}

async function result<T>(res: Response): Promise<ApiResult<T>> {
  const text = await res.text();
  let body: unknown = undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (res.ok) return { ok: true, status: res.status, body: body as T };
  const p = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  return { ok: false, problem: { ...p, status: res.status, code: typeof p.code === 'string' ? p.code : `HTTP.${res.status}` } as Problem };
}

export interface Availability { readonly subdomain: string; readonly available: boolean; readonly reason?: 'invalid' | 'reserved' | 'taken' | string }
export const subdomainAvailability = async (name: string) =>
  result<Availability>(await call(`/v1/subdomains/${encodeURIComponent(name)}`, { timeoutMs: 3000 }));

export type SignupBody =
  | { organization: string; subdomain: string; adminEmail: string; adminPassword: string }
  | { organization: string; subdomain: string; adminEmail: string; identityProvider: 'google' };
export interface SignupAccepted { readonly tenantId: string; readonly subdomain: string; readonly status: string }

export const createTenant = async (body: SignupBody, idempotencyKey: string) =>
  result<SignupAccepted>(await call('/v1/tenants', { method: 'POST', body: JSON.stringify(body), headers: { 'idempotency-key': idempotencyKey } }));

export const getTenant = async (tenantId: string) =>
  result<Record<string, unknown>>(await call(`/v1/tenants/${encodeURIComponent(tenantId)}`));

/** The tenant's events (`{ events: [{ type, data, ... }] }`): the progress page reads a pending retry's time from it. */
export const getTenantHistory = async (tenantId: string) =>
  result<{ events?: unknown[] }>(await call(`/v1/tenants/${encodeURIComponent(tenantId)}/history`, { timeoutMs: 3000 }));

export const retryTenant = async (tenantId: string) =>
  result<Record<string, unknown>>(await call(`/v1/tenants/${encodeURIComponent(tenantId)}/retry`, { method: 'POST' }));

/**
 * `{tenantId, subdomain}` when the password is right, null when not (401), `'unverified'` when
 * it is right but the email's link was not used yet (403 AUTH.EMAIL_UNVERIFIED).
 */
export async function verifyCredentials(email: string, password: string): Promise<{ tenantId: string; subdomain: string } | 'unverified' | null> {
  const r = await result<{ tenantId: string; subdomain: string }>(
    await call('/v1/credentials/verify', { method: 'POST', body: JSON.stringify({ email, password }) }));
  if (r.ok) return r.body;
  if (r.problem.code === 'AUTH.EMAIL_UNVERIFIED') return 'unverified';
  if (r.problem.status === 401 || r.problem.status === 400 || r.problem.status === 404) return null;
  throw new ProvisioningUnavailable('unreachable', new Error(`credentials/verify answered ${r.problem.status}`));
}

export interface EmailConfirmed { readonly tenantId: string; readonly subdomain: string; readonly email: string; readonly status: string }
/** Uses a verification link's token; a problem with code EMAIL.VERIFICATION_INVALID when it does not work. */
export const confirmEmail = async (token: string) =>
  result<EmailConfirmed>(await call('/v1/email-verifications', { method: 'POST', body: JSON.stringify({ token }) }));
/** Asks for another link; the API answers the same (202) whether or not the address has a signup waiting. */
export const resendVerification = async (email: string) =>
  result<{ accepted: boolean }>(await call('/v1/email-verifications/resend', { method: 'POST', body: JSON.stringify({ email }) }));

/** The raw SSE response, for the route handler to pipe through unbuffered. */
export function openTenantEvents(tenantId: string, lastEventId: string | null, signal: AbortSignal): Promise<Response> {
  const headers: Record<string, string> = { accept: 'text/event-stream' };
  if (lastEventId) headers['last-event-id'] = lastEventId;
  // Only the connection gets a timeout; the stream itself lives as long as the browser listens.
  return call(`/v1/tenants/${encodeURIComponent(tenantId)}/events`, { headers, signal, timeoutMs: 24 * 3600_000 });
}
