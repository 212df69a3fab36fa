/**
 * Which coded problems an operation can answer, and their schemas. A route names its own codes
 * with `@ApiProblems(...)`; the edge's codes (auth, body parsing, URL limits) are added to every
 * operation they apply to by document.ts. Status and title come from problem.ts's one table, so
 * the document cannot say another status than the filter sends.
 */
import { ApiExtension, type SchemaObject } from '@nestjs/swagger';
import type { SubdomainRejection } from '@tlc/tenant-events';
import type { ErrorCode } from '../../shared/domain-error.js';
import { statusOf, typeUri } from '../problem.js';

export type ProblemCode = ErrorCode | SubdomainRejection;

/** Every subdomain rejection checkSubdomain can return (the `satisfies` below keeps it complete). */
export const SUBDOMAIN_CODES = [
  'SUBDOMAIN.REQUIRED',
  'SUBDOMAIN.TOO_SHORT',
  'SUBDOMAIN.TOO_LONG',
  'SUBDOMAIN.INVALID_CHARACTERS',
  'SUBDOMAIN.HYPHEN_AT_EDGE',
  'SUBDOMAIN.PUNYCODE',
  'SUBDOMAIN.RESERVED',
] as const satisfies readonly SubdomainRejection[];
type MissingSubdomainCode = Exclude<SubdomainRejection, (typeof SUBDOMAIN_CODES)[number]>;
const complete: MissingSubdomainCode extends never ? true : MissingSubdomainCode = true;
void complete;

export const PROBLEM_CODES_EXTENSION = 'x-problem-codes';

/** The codes this route's handler (or its guards and pipes) can throw, beyond the edge's. */
export const ApiProblems = (...codes: ProblemCode[]): MethodDecorator => ApiExtension(PROBLEM_CODES_EXTENSION, codes);

/** Members some problems carry beyond RFC 9457's (see the DomainError `extra`s that set them). */
const EXTRAS: Partial<Record<ProblemCode, Record<string, SchemaObject>>> = {
  'TENANT.EMAIL_HAS_TENANT': { subdomain: { type: 'string', description: 'The tenant this email address already owns.' } },
  'IDEMPOTENCY.IN_PROGRESS': { retryAfterSeconds: { type: 'integer', minimum: 1, description: 'Also sent as Retry-After.' } },
  'SERVICE.UNAVAILABLE': { checks: { type: 'object', additionalProperties: true, description: 'Each health check and its outcome.' } },
};

export const FIELD_ERROR_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['field', 'code', 'message'],
  properties: {
    field: { type: 'string', description: 'The field (dotted path) or header the rule is about; empty for the whole body.', example: 'subdomain' },
    code: { type: 'string', description: 'The rule, e.g. FIELD.IS_LENGTH, FIELD.NOT_ALLOWED, FIELD.IS_EMAIL.', example: 'FIELD.IS_LENGTH' },
    message: { type: 'string' },
  },
};

const BASE_PROPERTIES: Record<string, SchemaObject> = {
  type: { type: 'string', description: 'urn:tlc:problem:<code in lower case>', example: 'urn:tlc:problem:tenant.not_found' },
  title: { type: 'string' },
  detail: { type: 'string', description: 'For people; may change. Switch on `code`.' },
  field: { type: 'string', description: 'The first field or header at fault.' },
  errors: { type: 'array', items: { $ref: '#/components/schemas/FieldError' } },
  instance: { type: 'string' },
};

/** The generic problem document (components.schemas.Problem): any code, any status. */
export const PROBLEM_SCHEMA: SchemaObject = {
  type: 'object',
  description: 'RFC 9457 problem details with a stable `code`.',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    ...BASE_PROPERTIES,
    status: { type: 'integer' },
    code: { type: 'string' },
    ...Object.assign({}, ...Object.values(EXTRAS)),
  },
};

/** The problem one status of one operation answers: its status and exactly its codes. */
export function problemSchema(status: number, codes: readonly ProblemCode[]): SchemaObject {
  const extras = Object.assign({}, ...codes.map((c) => EXTRAS[c] ?? {})) as Record<string, SchemaObject>;
  const [, title] = statusOf(codes[0]);
  return {
    type: 'object',
    example: { type: typeUri(codes[0]), title, status, detail: `${title}.`, code: codes[0] },
    required: ['type', 'title', 'status', 'detail', 'code'],
    properties: {
      ...BASE_PROPERTIES,
      status: { type: 'integer', enum: [status] },
      code: { type: 'string', enum: [...codes] },
      ...extras,
    },
  };
}

/** Codes grouped by the status each one answers with, each list sorted. */
export function byStatus(codes: Iterable<ProblemCode>): Map<number, ProblemCode[]> {
  const out = new Map<number, ProblemCode[]>();
  for (const code of new Set(codes)) {
    const [status] = statusOf(code);
    out.set(status, [...(out.get(status) ?? []), code].sort());
  }
  return new Map([...out].sort(([a], [b]) => a - b));
}
