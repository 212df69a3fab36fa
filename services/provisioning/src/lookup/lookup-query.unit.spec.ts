import { DomainError } from '../shared/domain-error.js';
import { parseLookupQuery } from './lookup-query.js';

/** The problem details a rejected query throws (the filter turns them into the 400 body). */
function rejection(query: Record<string, unknown> | undefined): unknown {
  try {
    parseLookupQuery(query);
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    return { code: e.code, detail: e.message, field: e.details.field, errors: e.details.errors };
  }
  throw new Error('accepted');
}

const notAllowed = (field: string) => ({ field, code: 'FIELD.NOT_ALLOWED', message: `The field "${field}" is not part of this request.` });
const EXACTLY_ONE = 'Give exactly one of the query parameters subdomain or email.';

describe('parseLookupQuery', () => {
  it('accepts exactly one of subdomain or email, as given (the read model normalises)', () => {
    expect(parseLookupQuery({ subdomain: 'ACME' })).toEqual({ by: 'subdomain', value: 'ACME' });
    expect(parseLookupQuery({ email: ' Ada@Acme.test' })).toEqual({ by: 'email', value: ' Ada@Acme.test' });
    expect(parseLookupQuery({ subdomain: 'a'.repeat(63) })).toEqual({ by: 'subdomain', value: 'a'.repeat(63) });
    // Lengths count like class-validator's @Length did: an astral character is one.
    expect(parseLookupQuery({ subdomain: '\u{1F642}'.repeat(32) }).by).toBe('subdomain');
  });

  it('asks for exactly one of the two, naming subdomain', () => {
    const expected = { code: 'VALIDATION.FAILED', detail: EXACTLY_ONE, field: 'subdomain', errors: [{ field: 'subdomain', code: 'FIELD.EXACTLY_ONE_OF', message: EXACTLY_ONE }] };
    expect(rejection({})).toEqual(expected);
    expect(rejection(undefined)).toEqual(expected);
    expect(rejection({ subdomain: 'a', email: 'b@c.d' })).toEqual(expected);
  });

  it('reports lengths with the field, the rule and the wording the ValidationPipe used', () => {
    expect(rejection({ subdomain: '' })).toEqual({
      code: 'VALIDATION.FAILED',
      detail: 'subdomain must be longer than or equal to 1 characters',
      field: 'subdomain',
      errors: [{ field: 'subdomain', code: 'FIELD.IS_LENGTH', message: 'subdomain must be longer than or equal to 1 characters' }],
    });
    expect(rejection({ subdomain: 'a'.repeat(64) })).toMatchObject({ detail: 'subdomain must be shorter than or equal to 63 characters' });
    expect(rejection({ email: 'ab' })).toMatchObject({ field: 'email', detail: 'email must be longer than or equal to 3 characters' });
    expect(rejection({ email: 'a'.repeat(255) })).toMatchObject({ field: 'email', detail: 'email must be shorter than or equal to 254 characters' });
    // Both given and both bad: each field's problem, subdomain first, before the exactly-one rule.
    expect(rejection({ email: '', subdomain: '' })).toMatchObject({
      errors: [
        { field: 'subdomain', code: 'FIELD.IS_LENGTH' },
        { field: 'email', code: 'FIELD.IS_LENGTH' },
      ],
    });
  });

  it('refuses a repeated parameter (an array) as not a string', () => {
    const both = 'subdomain must be longer than or equal to 1 and shorter than or equal to 63 characters';
    expect(rejection({ subdomain: ['a', 'b'] })).toEqual({
      code: 'VALIDATION.FAILED',
      detail: both,
      field: 'subdomain',
      errors: [
        { field: 'subdomain', code: 'FIELD.IS_LENGTH', message: both },
        { field: 'subdomain', code: 'FIELD.IS_STRING', message: 'subdomain must be a string' },
      ],
    });
  });

  it('refuses unknown parameters first, in the order given, including object-prototype names', () => {
    expect(rejection({ subdomain: '', host: 'x', foo: '1' })).toEqual({
      code: 'VALIDATION.FAILED',
      detail: 'The field "host" is not part of this request.',
      field: 'host',
      errors: [notAllowed('host'), notAllowed('foo'), { field: 'subdomain', code: 'FIELD.IS_LENGTH', message: 'subdomain must be longer than or equal to 1 characters' }],
    });
    // A query object without a prototype, as Fastify's parser builds it.
    const q = Object.create(null) as Record<string, unknown>;
    for (const key of ['subdomain', 'constructor', 'toString', '__proto__']) q[key] = 'x';
    expect(Object.keys(q)).toContain('__proto__');
    expect(rejection(q)).toMatchObject({ errors: [notAllowed('constructor'), notAllowed('toString'), notAllowed('__proto__')] });
  });
});
