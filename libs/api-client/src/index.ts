/**
 * The provisioning API's typed client: `paths` and the schema types are generated from the
 * OpenAPI document (schema.ts, `npm run api:generate`), the calls go through openapi-fetch, so
 * a path, parameter, body field or answer the document does not have fails the typecheck of
 * every caller (the web app, tenantctl).
 */
import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './schema.js';

export type * from './schema.js';
export type Schemas = components['schemas'];
export type ApiClient = Client<paths>;

export interface ApiClientOptions {
  /** e.g. http://127.0.0.1:3001 (no trailing slash needed). */
  readonly baseUrl: string;
  /** PROVISIONING_API_SECRET: sent as the bearer on every call. */
  readonly secret: string;
  /** Extra headers on every call (X-Operator, X-Forwarded-For). */
  readonly headers?: Readonly<Record<string, string>>;
  readonly fetch?: (request: Request) => Promise<Response>;
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  return createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    headers: { authorization: `Bearer ${options.secret}`, ...options.headers },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}

/** The problem+json body of an error answer, whatever its status (every error is one). */
export type Problem = Schemas['Problem'];
export type TenantStreamMessage = Schemas['TenantStreamMessage'];
/** The SSE `event` names of GET /v1/tenants/{id}/events. */
export type TenantStreamEventName = TenantStreamMessage['event'];

/** One SSE message (its `event` name, `id` and parsed `data`) as the document describes it. */
export function streamMessage(event: string, id: string, data: string): TenantStreamMessage {
  return { event, id: Number(id), data: JSON.parse(data) } as TenantStreamMessage;
}

/** Exhaustiveness for switches over the document's unions: a new member fails the typecheck here. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
