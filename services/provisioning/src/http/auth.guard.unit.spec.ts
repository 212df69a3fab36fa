import { Controller, Get, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { ProvisioningConfig } from '../config/config.js';
import { DomainError } from '../shared/domain-error.js';
import { BearerAuthGuard } from './auth.guard.js';
import { FASTIFY_ROUTE_CONFIG, IS_PUBLIC, Public, PUBLIC_ROUTE, isPublicRouteConfig } from './public.js';

const SECRET = 's3cret-token-0123456789';
const guard = new BearerAuthGuard({ apiSecret: SECRET } as ProvisioningConfig, new Reflector());

@Controller('v1/things')
class Protected {
  @Get() list() {
    return [];
  }
}

@Public()
@Controller('health')
class Health {
  @Get() check() {
    return 'ok';
  }
  @RouteConfig({ other: 1 }) @Get('x') configured() {
    return 'ok';
  }
}

@Controller('mixed')
class Mixed {
  @Public() @Get('open') open() {
    return 'ok';
  }
  @Get('closed') closed() {
    return 'no';
  }
}

type Handler = (...args: never[]) => unknown;
/** The URL is deliberately a public-looking one: the guard must not look at it. */
const context = (cls: object, handler: Handler, authorization?: string, url = '/health'): ExecutionContext =>
  ({
    getHandler: () => handler,
    getClass: () => cls,
    switchToHttp: () => ({ getRequest: () => ({ url, headers: authorization === undefined ? {} : { authorization } }) }),
  }) as unknown as ExecutionContext;

function verdict(cls: object, handler: Handler, authorization?: string, url?: string): string {
  try {
    return guard.canActivate(context(cls, handler, authorization, url)) ? 'allowed' : 'refused';
  } catch (e) {
    return e instanceof DomainError ? e.code : 'threw';
  }
}

describe('BearerAuthGuard', () => {
  it('lets the configured secret through on a protected route', () => {
    expect(verdict(Protected, Protected.prototype.list, `Bearer ${SECRET}`)).toBe('allowed');
  });

  it('refuses a missing, different, shorter, longer or malformed secret with AUTH.UNAUTHORIZED', () => {
    for (const header of [
      undefined,
      `Bearer ${SECRET.slice(0, -1)}x`,
      `Bearer ${SECRET.slice(0, -1)}`,
      `Bearer ${SECRET}0`,
      `bearer ${SECRET}`,
      `Bearer  ${SECRET}`,
      `Basic ${SECRET}`,
      'Bearer ',
      `Bearer ${SECRET}, Bearer ${SECRET}`,
    ]) {
      expect([header, verdict(Protected, Protected.prototype.list, header)]).toEqual([header, 'AUTH.UNAUTHORIZED']);
    }
  });

  it('decides on the matched route, never on the URL (issue 15: /%761/..., absolute-form targets)', () => {
    for (const url of ['/health', '/metrics', '/docs', '/v10/x', '/%761/lookup/tenants', 'http://x/v1/lookup', '/V1/lookup']) {
      expect([url, verdict(Protected, Protected.prototype.list, undefined, url)]).toEqual([url, 'AUTH.UNAUTHORIZED']);
      expect([url, verdict(Health, Health.prototype.check, undefined, url)]).toEqual([url, 'allowed']);
    }
  });

  it('opens only what @Public() marks, on the handler or on the class', () => {
    expect(verdict(Mixed, Mixed.prototype.open)).toBe('allowed');
    expect(verdict(Mixed, Mixed.prototype.closed)).toBe('AUTH.UNAUTHORIZED');
    expect(verdict(Health, Health.prototype.configured)).toBe('allowed');
  });
});

describe('@Public()', () => {
  it('marks the handler for the Reflector and its Fastify route config, keeping other config', () => {
    expect(Reflect.getMetadata(IS_PUBLIC, Mixed.prototype.open)).toBe(true);
    expect(Reflect.getMetadata(IS_PUBLIC, Health)).toBe(true);
    expect(isPublicRouteConfig(Reflect.getMetadata(FASTIFY_ROUTE_CONFIG, Mixed.prototype.open))).toBe(true);
    expect(isPublicRouteConfig(Reflect.getMetadata(FASTIFY_ROUTE_CONFIG, Health.prototype.check))).toBe(true);
    expect(Reflect.getMetadata(FASTIFY_ROUTE_CONFIG, Health.prototype.configured)).toEqual({ other: 1, [PUBLIC_ROUTE]: true });
    expect(isPublicRouteConfig(Reflect.getMetadata(FASTIFY_ROUTE_CONFIG, Mixed.prototype.closed))).toBe(false);
  });

  it('uses the key @nestjs/platform-fastify reads route config from (pinned: an upgrade that moves it fails here)', () => {
    class Probe {
      m() {
        return 1;
      }
    }
    RouteConfig({ probe: true })(Probe.prototype, 'm', Object.getOwnPropertyDescriptor(Probe.prototype, 'm')!);
    expect(Reflect.getMetadata(FASTIFY_ROUTE_CONFIG, Probe.prototype.m)).toEqual({ probe: true });
  });

  it('treats a missing or different config as not public', () => {
    for (const c of [undefined, null, {}, { [PUBLIC_ROUTE]: 'true' }, { public: true }]) expect(isPublicRouteConfig(c)).toBe(false);
  });
});
