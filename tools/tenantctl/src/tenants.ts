/**
 * `tenantctl tenants ...`: goes through the provisioning HTTP API (the command side), never
 * by writing events. Listing and subdomain resolution use the API's read-model endpoints.
 */
import { userInfo } from 'node:os';
import { createApiClient, type ApiClient, type Problem, type Schemas } from '@tlc/api-client';
import type { CliConfig } from './context.js';
import { CliError, EXIT, problem, unreachable } from './exit-codes.js';

export type TenantAction = 'retry' | 'suspend' | 'resume' | 'deprovision';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Page = Schemas['TenantLookupPage'];
type Answer<T> = { data?: T; error?: unknown; response: Response };

/** The provisioning API through its typed client (libs/api-client, generated from the OpenAPI document). */
export class ProvisioningClient {
  private readonly api: ApiClient;

  constructor(private readonly cfg: CliConfig) {
    this.api = createApiClient({
      baseUrl: cfg.provisioningUrl,
      secret: cfg.apiSecret ?? '',
      // Names the operator in the events' actor (the API accepts X-Operator from authenticated callers).
      headers: { accept: 'application/json, application/problem+json', 'x-operator': operatorName() },
      fetch: async (request) => {
        try {
          return await fetch(request, { signal: AbortSignal.timeout(15_000) });
        } catch (err) {
          throw unreachable(`the provisioning API at ${cfg.provisioningUrl} (PROVISIONING_URL)`, (err as { cause?: unknown }).cause ?? err);
        }
      },
    });
  }

  /** The documented answer, or the problem as a CliError (502-504: unreachable; 401/403: the secret). */
  private async answer<T>(what: string, call: Promise<Answer<T>>): Promise<T> {
    const { data, error, response: res } = await call;
    if (res.ok) return data as T;
    const p = (error && typeof error === 'object' ? error : {}) as Partial<Problem>;
    const text = typeof error === 'string' ? error : '';
    const message = `${what} -> HTTP ${res.status}${p.code ? ` ${p.code}` : ''}: ${p.detail ?? p.title ?? (text.slice(0, 200) || res.statusText)}`;
    if (res.status === 502 || res.status === 503 || res.status === 504) throw new CliError(EXIT.UNREACHABLE, message);
    if (res.status === 401 || res.status === 403) throw problem(`${message} (check PROVISIONING_API_SECRET)`);
    throw problem(message);
  }

  async resolve(ref: string): Promise<string> {
    if (UUID.test(ref)) return ref.toLowerCase();
    const doc = await this.answer(`GET /v1/lookup?subdomain=${ref}`, this.api.GET('/v1/lookup', { params: { query: { subdomain: ref } } }));
    return doc.tenantId;
  }

  list(status: readonly string[], limit: number, offset: number): Promise<Page> {
    const query = { limit, offset, ...(status.length ? { status: [...status] as Schemas['TenantStatus'][] } : {}) };
    return this.answer('GET /v1/lookup/tenants', this.api.GET('/v1/lookup/tenants', { params: { query } }));
  }

  /** The API's lifecycle routes: POST .../retry|suspend|resume, DELETE /v1/tenants/{id} to deprovision. */
  act(tenantId: string, action: TenantAction, reason: string | undefined): Promise<Schemas['TenantCommandResult']> {
    const path = { id: tenantId };
    switch (action) {
      case 'retry':
        return this.answer(`POST /v1/tenants/${tenantId}/retry`, this.api.POST('/v1/tenants/{id}/retry', { params: { path } }));
      case 'resume':
        return this.answer(`POST /v1/tenants/${tenantId}/resume`, this.api.POST('/v1/tenants/{id}/resume', { params: { path } }));
      case 'suspend':
        return this.answer(`POST /v1/tenants/${tenantId}/suspend`, this.api.POST('/v1/tenants/{id}/suspend', { params: { path }, body: reason ? { reason } : {} }));
      case 'deprovision':
        return this.answer(`DELETE /v1/tenants/${tenantId}`, this.api.DELETE('/v1/tenants/{id}', { params: { path, query: reason ? { reason } : {} } }));
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

export function formatList(page: Page): string {
  const rows = page.items.map((d) => `${d.tenantId}  ${d.subdomain.padEnd(24)} ${d.status.padEnd(14)} ${d.createdAt.padEnd(25)} ${d.siteUrl ?? '-'}`);
  return [
    `${'tenant id'.padEnd(36)}  ${'subdomain'.padEnd(24)} ${'status'.padEnd(14)} ${'created'.padEnd(25)} site`,
    ...rows,
    `${page.offset + 1}-${page.offset + page.items.length} of ${page.total}`,
  ].join('\n');
}
