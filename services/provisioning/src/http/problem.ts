/**
 * The one mapping from any thrown thing to an RFC 9457 problem document. Coded domain errors
 * keep their code; Nest and Fastify errors get codes of their own; anything unknown becomes a
 * plain 500 without a stack or message (those go to the log, never to the client).
 */
import { HttpException } from '@nestjs/common';
import { DomainError, type ErrorCode, type FieldError } from '../shared/domain-error.js';

export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  readonly field?: string;
  readonly errors?: readonly FieldError[];
  readonly instance?: string;
  readonly [extra: string]: unknown;
}

/** Every coded error's status and title: the OpenAPI document (openapi/problems.ts) reads the same table. */
export const STATUS: Readonly<Record<ErrorCode, readonly [number, string]>> = {
  'TENANT.SUBDOMAIN_TAKEN': [409, 'Subdomain taken'],
  'TENANT.EMAIL_HAS_TENANT': [409, 'Email already has a tenant'],
  'TENANT.ALREADY_EXISTS': [409, 'Tenant already exists'],
  'TENANT.SIGNUP_TIMED_OUT': [503, 'Signup timed out'],
  'TENANT.NOT_FOUND': [404, 'Tenant not found'],
  'TENANT.INVALID_SIGNUP': [422, 'Invalid signup'],
  'TENANT.NOT_ROLLED_BACK': [409, 'Tenant is not rolled back'],
  'TENANT.NOT_ACTIVE': [409, 'Tenant is not active'],
  'TENANT.NOT_SUSPENDED': [409, 'Tenant is not suspended'],
  'TENANT.STILL_PROVISIONING': [409, 'Tenant is still provisioning'],
  'TENANT.ALREADY_DEPROVISIONED': [409, 'Tenant already deprovisioned'],
  'TENANT.DEPROVISIONED': [410, 'Tenant deprovisioned'],
  'TENANT.NOT_PROVISIONING': [409, 'Tenant is not provisioning'],
  'TENANT.STEP_OUT_OF_ORDER': [409, 'Step out of order'],
  'TENANT.STEP_LEASE_HELD': [409, 'Step lease held by another runner'],
  'TENANT.STALE_RUNNER': [409, 'Stale runner'],
  'TENANT.BAD_STEP_RESULT': [422, 'Bad step result'],
  'TENANT.CONCURRENCY_EXHAUSTED': [409, 'Too many concurrent changes'],
  'VALIDATION.FAILED': [400, 'Invalid request'],
  'REQUEST.MALFORMED_JSON': [400, 'Malformed JSON'],
  'REQUEST.BODY_TOO_LARGE': [413, 'Request body too large'],
  'REQUEST.UNSUPPORTED_MEDIA_TYPE': [415, 'Unsupported media type'],
  'REQUEST.NOT_FOUND': [404, 'Not found'],
  'REQUEST.METHOD_NOT_ALLOWED': [405, 'Method not allowed'],
  'REQUEST.RATE_LIMITED': [429, 'Too many requests'],
  'REQUEST.BAD': [400, 'Bad request'],
  'REQUEST.BAD_URL': [400, 'Malformed request target'],
  'REQUEST.TOO_DEEP': [400, 'JSON nested too deeply'],
  'REQUEST.INVALID_TEXT': [400, 'Text is not valid Unicode'],
  'REQUEST.TIMEOUT': [408, 'Request timeout'],
  'REQUEST.URI_TOO_LONG': [414, 'Request target too long'],
  'REQUEST.HEADERS_TOO_LARGE': [431, 'Request headers too large'],
  'AUTH.UNAUTHORIZED': [401, 'Unauthorized'],
  'AUTH.INVALID_CREDENTIALS': [401, 'Invalid credentials'],
  'AUTH.EMAIL_UNVERIFIED': [403, 'Email address not verified yet'],
  'EMAIL.VERIFICATION_INVALID': [400, 'Verification link not valid'],
  'IDEMPOTENCY.KEY_REQUIRED': [400, 'Idempotency key required'],
  'IDEMPOTENCY.KEY_REUSED': [422, 'Idempotency key reused with another request'],
  'IDEMPOTENCY.IN_PROGRESS': [409, 'Request with this idempotency key still in progress'],
  'SECRETS.KEY_DESTROYED': [410, 'Secret destroyed'],
  'CREDENTIALS.ALREADY_REVEALED': [409, 'Credential already shown'],
  'CREDENTIALS.NOT_AVAILABLE': [409, 'Credential not available'],
  'CREDENTIALS.ROTATION_IN_PROGRESS': [409, 'Rotation already in progress'],
  'CREDENTIALS.ROTATION_FAILED': [502, 'Rotation failed'],
  'CREDENTIALS.ROTATION_UNAVAILABLE': [503, 'Rotation not served here'],
  'SERVICE.UNAVAILABLE': [503, 'Service unavailable'],
  'INTERNAL.ERROR': [500, 'Internal error'],
};

/** SUBDOMAIN.* rejections (libs/tenant-events) are all 422; an unknown code is a 500. */
export const statusOf = (code: string): readonly [number, string] => STATUS[code as ErrorCode] ?? (code.startsWith('SUBDOMAIN.') ? [422, 'Subdomain not allowed'] : [500, 'Internal error']);

export const typeUri = (code: string): string => `urn:tlc:problem:${code.toLowerCase()}`;

export function problemOf(code: string, detail: string, extra: Record<string, unknown> = {}): Problem {
  const [status, title] = statusOf(code);
  return { type: typeUri(code), title, status, detail, code, ...extra };
}

/** Fastify's own errors (body parsing, content type, size) carry FST_ codes and a statusCode. */
function fromFastify(e: { code?: string; statusCode?: number; message?: string }): Problem | undefined {
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problemOf('REQUEST.BODY_TOO_LARGE', 'The request body is larger than 16 KiB.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return problemOf('REQUEST.UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problemOf('REQUEST.MALFORMED_JSON', 'The body is empty but declared as JSON.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return problemOf('REQUEST.MALFORMED_JSON', 'The body is not valid JSON (or it uses a forbidden key such as __proto__ or constructor).');
    // The router's own answers (frameworkErrors in bootstrap.ts), raised before any hook runs.
    case 'FST_ERR_BAD_URL':
      return problemOf('REQUEST.BAD_URL', 'The request target is not a valid URL (a bad percent-escape or invalid UTF-8).');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return problemOf('REQUEST.URI_TOO_LONG', 'A path segment of the request target is too long.');
    default:
      break;
  }
  if (e.statusCode === 400 && (e instanceof SyntaxError || /JSON|prototype|constructor/i.test(e.message ?? ''))) {
    return problemOf('REQUEST.MALFORMED_JSON', 'The body is not valid JSON, or it uses forbidden keys such as __proto__ or constructor.');
  }
  if (typeof e.code === 'string' && e.code.startsWith('FST_') && e.statusCode && e.statusCode < 500) {
    return { ...problemOf('REQUEST.BAD', 'The request could not be read.'), status: e.statusCode };
  }
  return undefined;
}

/** Duck-typed: libraries loaded through another module graph (throttler) throw their own HttpException class. */
const isHttpException = (e: unknown): e is Pick<HttpException, 'getStatus'> => e instanceof HttpException || (!!e && typeof (e as { getStatus?: unknown }).getStatus === 'function');

function fromHttpException(e: Pick<HttpException, 'getStatus'>): Problem {
  const status = e.getStatus();
  switch (status) {
    case 404:
      return problemOf('REQUEST.NOT_FOUND', 'No such route.');
    case 405:
      return problemOf('REQUEST.METHOD_NOT_ALLOWED', 'This route does not accept that method.');
    case 413:
      return problemOf('REQUEST.BODY_TOO_LARGE', 'The request body is larger than 16 KiB.');
    case 415:
      return problemOf('REQUEST.UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.');
    case 429:
      return problemOf('REQUEST.RATE_LIMITED', 'Too many requests from this address; wait as long as Retry-After says.');
    case 401:
      return problemOf('AUTH.UNAUTHORIZED', 'Send Authorization: Bearer <PROVISIONING_API_SECRET>.');
    case 503: {
      // Terminus puts each check's outcome in the response: keep it, people need to know which.
      const body = (e as { getResponse?: () => unknown }).getResponse?.() as { details?: unknown } | undefined;
      return problemOf('SERVICE.UNAVAILABLE', 'A dependency (the event store) does not answer.', body?.details ? { checks: body.details } : {});
    }
    default:
      if (status >= 400 && status < 500) return { ...problemOf('REQUEST.BAD', 'The request was not accepted.'), status };
      return problemOf('INTERNAL.ERROR', 'Something went wrong on our side; it was logged.');
  }
}

/** Node's HTTP parser refuses a request before Fastify sees it (bootstrap.ts clientErrorHandler). */
export function clientErrorProblem(nodeCode: string | undefined): Problem {
  switch (nodeCode) {
    case 'HPE_HEADER_OVERFLOW':
      return problemOf('REQUEST.HEADERS_TOO_LARGE', 'The request line and headers are larger than the server accepts (16 KiB).');
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return problemOf('REQUEST.TIMEOUT', 'The request did not arrive in time.');
    default:
      return problemOf('REQUEST.BAD', 'The request is not valid HTTP/1.1 (request line, method or headers).');
  }
}

export function toProblem(error: unknown): Problem {
  if (error instanceof DomainError) {
    const { field, errors, extra } = error.details;
    return problemOf(error.code, error.message, { ...(field ? { field } : {}), ...(errors ? { errors } : {}), ...(extra ?? {}) });
  }
  // Nest wraps Fastify's parser errors (FST_ERR_CTP_*) in an HttpException with the original as cause.
  const cause = (error as { cause?: unknown } | null)?.cause;
  if (cause && typeof cause === 'object') {
    const p = fromFastify(cause as { code?: string; statusCode?: number; message?: string });
    if (p) return p;
  }
  if (isHttpException(error)) return fromHttpException(error);
  if (error && typeof error === 'object') {
    const p = fromFastify(error as { code?: string; statusCode?: number; message?: string });
    if (p) return p;
  }
  return problemOf('INTERNAL.ERROR', 'Something went wrong on our side; it was logged.');
}
