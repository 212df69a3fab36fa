/**
 * The query string of `GET /v1/lookup`, checked by hand. This route is the API's hot read (every
 * proxied request may ask it), and the global ValidationPipe's class-transformer +
 * class-validator round per request cost more than the lookup itself (bench B3). The rules, the
 * codes and the messages are the ones the pipe produced for the former DTO: `subdomain` 1..63
 * and `email` 3..254 characters (class-validator's own `length`, so "characters" are counted
 * the same way), a repeated parameter is FIELD.IS_LENGTH + FIELD.IS_STRING, unknown parameters
 * FIELD.NOT_ALLOWED, and exactly one of the two.
 */
import { isString, length } from 'class-validator';
import { DomainError, type FieldError } from '../shared/domain-error.js';

export type LookupBy = 'subdomain' | 'email';
export interface LookupRequest {
  readonly by: LookupBy;
  readonly value: string;
}

const RULES: Readonly<Record<LookupBy, readonly [min: number, max: number]>> = { subdomain: [1, 63], email: [3, 254] };
const FIELDS = Object.keys(RULES) as LookupBy[];
const isField = (k: string): k is LookupBy => k === 'subdomain' || k === 'email';

/** class-validator's wording for @Length, which measures `value.length` for the message. */
function lengthMessage(field: string, value: unknown, min: number, max: number): string {
  const size = (value as { length?: number } | undefined)?.length ?? 0;
  if (!value || size < min) return `${field} must be longer than or equal to ${min} characters`;
  if (size > max) return `${field} must be shorter than or equal to ${max} characters`;
  return `${field} must be longer than or equal to ${min} and shorter than or equal to ${max} characters`;
}

function fieldErrors(field: LookupBy, value: unknown): FieldError[] {
  const [min, max] = RULES[field];
  const errors: FieldError[] = [];
  if (!length(value, min, max)) errors.push({ field, code: 'FIELD.IS_LENGTH', message: lengthMessage(field, value, min, max) });
  if (!isString(value)) errors.push({ field, code: 'FIELD.IS_STRING', message: `${field} must be a string` });
  return errors;
}

const EXACTLY_ONE = 'Give exactly one of the query parameters subdomain or email.';

/**
 * Unknown parameters first (in the order given), then each field's problems (subdomain, then
 * email), then the exactly-one rule: the order the ValidationPipe reported them in. Unlike the
 * pipe, names such as `constructor` or `toString` are refused too (class-transformer silently
 * dropped them), like any other unknown parameter.
 */
export function parseLookupQuery(query: Readonly<Record<string, unknown>> | undefined): LookupRequest {
  const q = query ?? {};
  const errors: FieldError[] = [];
  for (const key of Object.keys(q)) {
    if (!isField(key)) errors.push({ field: key, code: 'FIELD.NOT_ALLOWED', message: `The field "${key}" is not part of this request.` });
  }
  const given: LookupBy[] = [];
  for (const field of FIELDS) {
    if (!Object.hasOwn(q, field) || q[field] === undefined) continue;
    given.push(field);
    errors.push(...fieldErrors(field, q[field]));
  }
  if (errors.length > 0) throw new DomainError('VALIDATION.FAILED', errors[0].message, { field: errors[0].field, errors });
  if (given.length !== 1) {
    throw new DomainError('VALIDATION.FAILED', EXACTLY_ONE, { field: 'subdomain', errors: [{ field: 'subdomain', code: 'FIELD.EXACTLY_ONE_OF', message: EXACTLY_ONE }] });
  }
  return { by: given[0], value: q[given[0]] as string };
}
