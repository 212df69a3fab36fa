/**
 * Bearer auth, deny by default: every matched Nest route requires the bearer unless its handler
 * or its controller is marked `@Public()`. The decision is taken on the route Nest matched, never
 * on the URL: the router decodes and normalises the path (percent-encoding, absolute-form
 * targets, duplicate slashes), so any test of the raw URL can be dodged by spelling the path
 * another way (issue 15: `/%761/lookup/tenants` and `GET http://x/v1/...` went through).
 * route-auth.ts applies the same rule at the Fastify level, before the body is read.
 */
import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { ProvisioningConfig } from '../config/config.js';
import { CONFIG } from '../config/tokens.js';
import { BearerSecret, unauthorized } from './bearer.js';
import { IS_PUBLIC } from './public.js';

@Injectable()
export class BearerAuthGuard implements CanActivate {
  private readonly secret: BearerSecret;

  constructor(
    @Inject(CONFIG) config: ProvisioningConfig,
    @Inject(Reflector) private readonly reflector: Reflector,
  ) {
    this.secret = new BearerSecret(config.apiSecret);
  }

  canActivate(context: ExecutionContext): boolean {
    if (this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, [context.getHandler(), context.getClass()]) === true) return true;
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    if (this.secret.accepts(req.headers.authorization)) return true;
    throw unauthorized();
  }
}
