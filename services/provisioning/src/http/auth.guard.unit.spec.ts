import type { ExecutionContext } from '@nestjs/common';
import type { ProvisioningConfig } from '../config/config.js';
import { DomainError } from '../shared/domain-error.js';
import { BearerAuthGuard } from './auth.guard.js';

const SECRET = 's3cret-token-0123456789';
const guard = new BearerAuthGuard({ apiSecret: SECRET } as ProvisioningConfig);
const context = (url: string, authorization?: string): ExecutionContext =>
  ({ switchToHttp: () => ({ getRequest: () => ({ url, headers: authorization === undefined ? {} : { authorization } }) }) }) as unknown as ExecutionContext;

function verdict(url: string, authorization?: string): string {
  try {
    return guard.canActivate(context(url, authorization)) ? 'allowed' : 'refused';
  } catch (e) {
    return e instanceof DomainError ? e.code : 'threw';
  }
}

describe('BearerAuthGuard', () => {
  it('lets the configured secret through on /v1 routes', () => {
    expect(verdict('/v1/lookup?subdomain=acme', `Bearer ${SECRET}`)).toBe('allowed');
    expect(verdict('/v1', `Bearer ${SECRET}`)).toBe('allowed');
  });

  it('refuses a missing, different, shorter, longer or malformed secret with AUTH.UNAUTHORIZED', () => {
    for (const header of [undefined, `Bearer ${SECRET.slice(0, -1)}x`, `Bearer ${SECRET.slice(0, -1)}`, `Bearer ${SECRET}0`, `bearer ${SECRET}`, `Bearer  ${SECRET}`, `Basic ${SECRET}`, 'Bearer ']) {
      expect([header, verdict('/v1/lookup', header)]).toEqual([header, 'AUTH.UNAUTHORIZED']);
    }
  });

  it('leaves routes outside /v1 alone', () => {
    expect(verdict('/health')).toBe('allowed');
    expect(verdict('/v10/x')).toBe('allowed');
    expect(verdict('/metrics?v1/')).toBe('allowed');
  });
});
