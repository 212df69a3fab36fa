/**
 * Coded errors. The domain and the handlers throw these; the one exception filter at the edge
 * turns the code into an HTTP status and an RFC 9457 problem document. A code is a stable
 * contract with clients (the web form switches on it), the message is for people.
 */
export type ErrorCode =
  // signup and reservations
  | 'TENANT.SUBDOMAIN_TAKEN'
  | 'TENANT.EMAIL_HAS_TENANT'
  | 'TENANT.ALREADY_EXISTS'
  | 'TENANT.SIGNUP_TIMED_OUT'
  | 'TENANT.NOT_FOUND'
  | 'TENANT.INVALID_SIGNUP'
  // lifecycle rules
  | 'TENANT.NOT_ROLLED_BACK'
  | 'TENANT.NOT_ACTIVE'
  | 'TENANT.NOT_SUSPENDED'
  | 'TENANT.STILL_PROVISIONING'
  | 'TENANT.ALREADY_DEPROVISIONED'
  | 'TENANT.DEPROVISIONED'
  // process-manager rules
  | 'TENANT.NOT_PROVISIONING'
  | 'TENANT.STEP_OUT_OF_ORDER'
  | 'TENANT.STEP_LEASE_HELD'
  | 'TENANT.STALE_RUNNER'
  | 'TENANT.BAD_STEP_RESULT'
  | 'TENANT.CONCURRENCY_EXHAUSTED'
  // edge
  | 'VALIDATION.FAILED'
  | 'REQUEST.MALFORMED_JSON'
  | 'REQUEST.BODY_TOO_LARGE'
  | 'REQUEST.UNSUPPORTED_MEDIA_TYPE'
  | 'REQUEST.NOT_FOUND'
  | 'REQUEST.METHOD_NOT_ALLOWED'
  | 'REQUEST.RATE_LIMITED'
  | 'REQUEST.BAD'
  | 'REQUEST.BAD_URL'
  | 'REQUEST.TOO_DEEP'
  | 'REQUEST.INVALID_TEXT'
  | 'REQUEST.TIMEOUT'
  | 'REQUEST.URI_TOO_LONG'
  | 'REQUEST.HEADERS_TOO_LARGE'
  | 'AUTH.UNAUTHORIZED'
  | 'AUTH.INVALID_CREDENTIALS'
  | 'AUTH.EMAIL_UNVERIFIED'
  // email proof
  | 'EMAIL.VERIFICATION_INVALID'
  | 'IDEMPOTENCY.KEY_REQUIRED'
  | 'IDEMPOTENCY.KEY_REUSED'
  | 'IDEMPOTENCY.IN_PROGRESS'
  | 'SECRETS.KEY_DESTROYED'
  // reveal-once (credentials-reveal/)
  | 'CREDENTIALS.ALREADY_REVEALED'
  | 'CREDENTIALS.NOT_AVAILABLE'
  // rotation (credentials-reveal/decide-rotate.ts)
  | 'CREDENTIALS.ROTATION_IN_PROGRESS'
  | 'CREDENTIALS.ROTATION_FAILED'
  | 'CREDENTIALS.ROTATION_UNAVAILABLE'
  | 'SERVICE.UNAVAILABLE'
  | 'INTERNAL.ERROR';

export interface FieldError {
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode | `SUBDOMAIN.${string}`,
    message: string,
    readonly details: {
      readonly field?: string;
      readonly errors?: readonly FieldError[];
      /** Extra machine-readable members of the problem document (e.g. the existing subdomain). */
      readonly extra?: Readonly<Record<string, unknown>>;
    } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
