/**
 * The OpenAPI document, generated from the controllers' decorators and DTOs and then completed
 * with what the edge adds to every operation it applies to: the bearer's 401, the body parser's
 * and the URL limits' problems, the rate limiter's 429 and headers, X-Request-Id. Those come
 * from code that runs before or around the handlers (bootstrap.ts, edge.ts, json-body.ts,
 * rate-limit.ts), so they are added here in one place rather than repeated on every route.
 *
 * `info.version` is the contract's version: bump the minor for additions, and keep
 * openapi/v1.json (the last published /v1 document) as the baseline the compatibility spec
 * compares against; a breaking change to /v1 fails that spec.
 */
import type { INestApplication } from '@nestjs/common';
import { ApiExtension, DocumentBuilder, SwaggerModule, type HeaderObject, type OpenAPIObject, type OperationObject, type ParameterObject, type ResponseObject } from '@nestjs/swagger';
import { TENANT_STREAM_SCHEMAS } from './stream-schemas.js';
import { FIELD_ERROR_SCHEMA, PROBLEM_CODES_EXTENSION, PROBLEM_SCHEMA, byStatus, problemSchema, type ProblemCode } from './problems.js';

export const API_VERSION = '1.1.0';
export const RATE_LIMIT_EXTENSION = 'x-rate-limit';
const ANSWER_HEADERS_EXTENSION = 'x-answer-headers';

/**
 * Headers a route sets before its handler runs (Nest's @Header): every answer from the handler
 * on carries them, errors included, but not the edge's refusals; so optional on every status.
 */
export const ApiAnswerHeaders = (headers: Record<string, HeaderObject>): MethodDecorator => ApiExtension(ANSWER_HEADERS_EXTENSION, headers);

/** Answered on any route: the URL limits, the content-type check, the HTTP parser, the last resort. */
const EVERY_ROUTE: ProblemCode[] = ['REQUEST.BAD', 'REQUEST.BAD_URL', 'REQUEST.URI_TOO_LONG', 'REQUEST.UNSUPPORTED_MEDIA_TYPE', 'REQUEST.HEADERS_TOO_LARGE', 'REQUEST.TIMEOUT', 'INTERNAL.ERROR'];
/** Fastify reads and parses a body for every method but GET and HEAD (json-body.ts). */
const BODY_PARSER: ProblemCode[] = ['REQUEST.MALFORMED_JSON', 'REQUEST.TOO_DEEP', 'REQUEST.INVALID_TEXT', 'REQUEST.BODY_TOO_LARGE'];

const header = (description: string, required = false, schema: HeaderObject['schema'] = { type: 'string' }): HeaderObject => ({ description, required, schema });
const REQUEST_ID = header('The correlation id: the X-Request-Id sent, or one made for this request.');
const RATE_HEADERS: Record<string, HeaderObject> = {
  'X-RateLimit-Limit': header('Requests allowed per minute from this address on this kind of route.', false, { type: 'integer' }),
  'X-RateLimit-Remaining': header('Requests left in the current minute.', false, { type: 'integer' }),
  'X-RateLimit-Reset': header('Seconds until the window starts over.', false, { type: 'integer' }),
};
const REQUEST_ID_PARAM: ParameterObject = {
  name: 'X-Request-Id',
  in: 'header',
  required: false,
  schema: { type: 'string', maxLength: 128 },
  description: 'A correlation id to carry through logs and event metadata (one is made when absent or unusable).',
};

function problemHeaders(status: number, codes: readonly ProblemCode[]): Record<string, HeaderObject> {
  if (status === 401) return { 'WWW-Authenticate': header('Always `Bearer`.', true) };
  if (status === 429) return { 'Retry-After': header('Seconds to wait.', true, { type: 'integer' }) };
  if (codes.includes('IDEMPOTENCY.IN_PROGRESS')) return { 'Retry-After': header('Seconds to wait (IDEMPOTENCY.IN_PROGRESS only).', false, { type: 'integer' }) };
  return {};
}

type Extended = OperationObject & {
  [PROBLEM_CODES_EXTENSION]?: ProblemCode[];
  [RATE_LIMIT_EXTENSION]?: string;
  [ANSWER_HEADERS_EXTENSION]?: Record<string, HeaderObject>;
};

/** Adds the edge's problems, headers and parameters to one operation. */
function complete(method: string, op: Extended): void {
  const codes: ProblemCode[] = [...(op[PROBLEM_CODES_EXTENSION] ?? []), ...EVERY_ROUTE];
  delete op[PROBLEM_CODES_EXTENSION];
  if (op.security?.length) codes.push('AUTH.UNAUTHORIZED');
  if (method !== 'get' && method !== 'head') codes.push(...BODY_PARSER);
  if (op.requestBody) codes.push('VALIDATION.FAILED');
  const rateLimit = op[RATE_LIMIT_EXTENSION];
  const answerHeaders = Object.fromEntries(Object.entries(op[ANSWER_HEADERS_EXTENSION] ?? {}).map(([name, h]) => [name, { ...h, required: false }]));
  delete op[ANSWER_HEADERS_EXTENSION];
  if (rateLimit) codes.push('REQUEST.RATE_LIMITED');
  const responses = op.responses as Record<string, ResponseObject>;
  for (const [status, list] of byStatus(codes)) {
    const titles = list.join(', ');
    responses[String(status)] = {
      description: `Problem: ${titles}`,
      headers: problemHeaders(status, list),
      content: { 'application/problem+json': { schema: problemSchema(status, list) } },
    };
  }
  for (const response of Object.values(responses)) {
    response.headers = { 'X-Request-Id': REQUEST_ID, ...(rateLimit ? RATE_HEADERS : {}), ...answerHeaders, ...(response.headers ?? {}) };
  }
  op.parameters = [...(op.parameters ?? []), REQUEST_ID_PARAM];
}

export function completeDocument(doc: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(doc.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const op = item[method];
      if (op) complete(method, op as Extended);
    }
  }
  doc.components = {
    ...doc.components,
    schemas: { ...doc.components?.schemas, Problem: PROBLEM_SCHEMA, FieldError: FIELD_ERROR_SCHEMA, ...TENANT_STREAM_SCHEMAS },
  };
  return doc;
}

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Tenant provisioning API')
    .setVersion(API_VERSION)
    .setDescription(
      'Signup and lifecycle of tenants. Every error is application/problem+json (RFC 9457) with a stable `code`; ' +
        'each operation lists the codes it can answer per status. Every /v1 route requires `Authorization: Bearer <PROVISIONING_API_SECRET>`.',
    )
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'The PROVISIONING_API_SECRET shared with the web app and tenantctl.' }, 'bearer')
    .build();
  return completeDocument(SwaggerModule.createDocument(app, config, { operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}` }));
}
