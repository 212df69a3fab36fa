import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { DomainError } from '../shared/domain-error.js';
import { clientErrorProblem, toProblem } from './problem.js';

describe('toProblem', () => {
  it('keeps a domain error code, its field and extra members', () => {
    const p = toProblem(new DomainError('TENANT.EMAIL_HAS_TENANT', 'Taken.', { field: 'adminEmail', extra: { subdomain: 'acme' } }));
    expect(p).toEqual({
      type: 'urn:tlc:problem:tenant.email_has_tenant',
      title: 'Email already has a tenant',
      status: 409,
      detail: 'Taken.',
      code: 'TENANT.EMAIL_HAS_TENANT',
      field: 'adminEmail',
      subdomain: 'acme',
    });
  });
  it('maps subdomain rule codes to 422', () => expect(toProblem(new DomainError('SUBDOMAIN.RESERVED', 'x')).status).toBe(422));
  it('maps Fastify parser errors wrapped by Nest', () => {
    const cause = Object.assign(new Error('bad'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 });
    expect(toProblem(new HttpException('Request body is too large', 413, { cause })).code).toBe('REQUEST.BODY_TOO_LARGE');
  });
  it('maps Nest HTTP exceptions by status', () => {
    expect(toProblem(new NotFoundException()).code).toBe('REQUEST.NOT_FOUND');
    expect(toProblem(new BadRequestException()).code).toBe('REQUEST.BAD');
  });
  it('hides everything about an unknown error', () => {
    const p = toProblem(new Error('password=hunter2 at /srv/app.js:1'));
    expect(p).toEqual({ type: 'urn:tlc:problem:internal.error', title: 'Internal error', status: 500, detail: 'Something went wrong on our side; it was logged.', code: 'INTERNAL.ERROR' });
  });
  it("maps the router's and Node's own refusals to codes of the table", () => {
    expect(toProblem(Object.assign(new Error('x'), { code: 'FST_ERR_BAD_URL', statusCode: 400 }))).toMatchObject({ status: 400, code: 'REQUEST.BAD_URL' });
    expect(toProblem(Object.assign(new Error('x'), { code: 'FST_ERR_MAX_PARAM_LENGTH', statusCode: 414 }))).toMatchObject({ status: 414, code: 'REQUEST.URI_TOO_LONG' });
    expect(clientErrorProblem('HPE_HEADER_OVERFLOW')).toMatchObject({ status: 431, code: 'REQUEST.HEADERS_TOO_LARGE' });
    expect(clientErrorProblem('ERR_HTTP_REQUEST_TIMEOUT')).toMatchObject({ status: 408, code: 'REQUEST.TIMEOUT' });
    expect(clientErrorProblem('HPE_INVALID_METHOD')).toMatchObject({ status: 400, code: 'REQUEST.BAD' });
  });
  it('gives every edge and idempotency code its own status (none falls through to 500)', () => {
    for (const code of ['REQUEST.TOO_DEEP', 'REQUEST.INVALID_TEXT', 'REQUEST.BAD_URL', 'REQUEST.URI_TOO_LONG', 'REQUEST.HEADERS_TOO_LARGE', 'REQUEST.TIMEOUT', 'IDEMPOTENCY.IN_PROGRESS'] as const) {
      expect([code, toProblem(new DomainError(code, 'x')).status]).toEqual([code, expect.any(Number)]);
      expect(toProblem(new DomainError(code, 'x')).status).toBeLessThan(500);
    }
  });
});
