/**
 * `tenantctl tenants ...`: goes through the provisioning HTTP API (the command side), never
 * by writing events. Listing and subdomain resolution use the API's read-model endpoints.
 */
import { userInfo } from 'node:os';
import type { ListPage, TenantLookupDoc } from '@tlc/tenant-lookup';
import type { CliConfig } from './context.js';
import { CliError, EXIT, problem, unreachable } from './exit-codes.js';

export type TenantAction = 'retry' | 'suspend' | 'resume' | 'deprovision';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Problem { readonly title?: string; readonly detail?: string; readonly code?: string; readonly status?: number }

export class ProvisioningClient {
  constructor(private readonly cfg: CliConfig) {}

  async request<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
    if (this.cfg.apiSecret) headers.authorization = `Bearer ${this.cfg.apiSecret}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    // Names the operator in the events' actor (the API accepts X-Operator from authenticated callers).
    headers['x-operator'] = operatorName();
    let res: Response;
    try {
      res = await fetch(`${this.cfg.provisioningUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(15_000) });
    } catch (err) {
      throw unreachable(`the provisioning API at ${this.cfg.provisioningUrl} (PROVISIONING_URL)`, (err as { cause?: unknown }).cause ?? err);
    }
    const text = await res.text();
    const json = text ? safeJson(text) : undefined;
    if (res.ok) return json as T;
    const p = (json ?? {}) as Problem;
    const message = `${method} ${path} -> HTTP ${res.status}${p.code ? ` ${p.code}` : ''}: ${p.detail ?? p.title ?? (text.slice(0, 200) || res.statusText)}`;
    if (res.status === 502 || res.status === 503 || res.status === 504) throw new CliError(EXIT.UNREACHABLE, message);
    if (res.status === 401 || res.status === 403) throw problem(`${message} (check PROVISIONING_API_SECRET)`);
    throw problem(message);
  }

  async resolve(ref: string): Promise<string> {
    if (UUID.test(ref)) return ref.toLowerCase();
    const doc = await this.request<TenantLookupDoc>('GET', `/v1/lookup?subdomain=${encodeURIComponent(ref)}`);
    return doc.tenantId;
  }

  list(status: readonly string[], limit: number, offset: number): Promise<ListPage> {
    const q = new URLSearchParams({ limit: String(limit), offset: String(offset) });
    for (const s of status) q.append('status', s);
    return this.request<ListPage>('GET', `/v1/lookup/tenants?${q.toString()}`);
  }

  /** The API's lifecycle routes: POST .../retry|suspend|resume, DELETE /v1/tenants/:id to deprovision. */
  act(tenantId: string, action: TenantAction, reason: string | undefined): Promise<unknown> {
    const base = `/v1/tenants/${encodeURIComponent(tenantId)}`;
    switch (action) {
      case 'retry':
      case 'resume':
        return this.request('POST', `${base}/${action}`);
      case 'suspend':
        return this.request('POST', `${base}/suspend`, reason ? { reason } : {});
      case 'deprovision':
        return this.request('DELETE', reason ? `${base}?${new URLSearchParams({ reason }).toString()}` : base);
      default: {
        const never: never = action;
        throw new Error(`unknown action ${String(never)}`);
      }
    }
  }
}

function operatorName(): string {
  const name = `tenantctl:${process.env.TENANTCTL_OPERATOR ?? safeUser()}`;
  return /^[A-Za-z0-9._@:-]{1,64}$/.test(name) ? name : 'tenantctl';
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function formatList(page: ListPage): string {
  const rows = page.items.map((d) =>
    `${d.tenantId}  ${d.subdomain.padEnd(24)} ${d.status.padEnd(14)} ${d.createdAt.padEnd(25)} ${d.siteUrl ?? '-'}`);
  return [`${'tenant id'.padEnd(36)}  ${'subdomain'.padEnd(24)} ${'status'.padEnd(14)} ${'created'.padEnd(25)} site`, ...rows,
    `${page.offset + 1}-${page.offset + page.items.length} of ${page.total}`].join('\n');
}
