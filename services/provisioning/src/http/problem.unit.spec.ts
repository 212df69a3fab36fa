import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { DomainError } from '../shared/domain-error.js';
import { toProblem } from './problem.js';

describe('toProblem', () => {
  it('keeps a domain error code, its field and extra members', () => {
    const p = toProblem(new DomainError('TENANT.EMAIL_HAS_TENANT', 'Taken.', { field: 'adminEmail', extra: { subdomain: 'acme' } }));
    expect(p).toEqual({ type: 'urn:tlc:problem:tenant.email_has_tenant', title: 'Email already has a tenant', status: 409, detail: 'Taken.', code: 'TENANT.EMAIL_HAS_TENANT', field: 'adminEmail', subdomain: 'acme' });
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
});
