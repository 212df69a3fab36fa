/**
 * Per-client-IP rate limits, one named budget per kind of route, limits from config. Over the
 * limit: 429 (problem+json) with Retry-After.
 *
 * Why not @nestjs/throttler: 6.7.1 (its latest) ships only CommonJS that `require`s the
 * ESM-only @nestjs/common 12. Node 20.19+ copes at run time, but Jest's module loader on Node 20
 * cannot load it, so the rate-limit tests could not run against it. This guard keeps its
 * semantics (fixed window per tracker and name, Retry-After, X-RateLimit-* headers) in a page.
 */
import { Inject, Injectable, SetMetadata, applyDecorators, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ProvisioningConfig } from '../config/config.js';
import { CONFIG } from '../config/tokens.js';
import { DomainError } from '../shared/domain-error.js';
import { RATE_LIMIT_EXTENSION } from './openapi/document.js';

export const RATE_LIMIT_NAMES = ['signup', 'check', 'credentials'] as const;
export type RateLimitName = (typeof RATE_LIMIT_NAMES)[number];

const RATE_LIMIT_KEY = 'tlc:rate-limit';
/** Also tells the OpenAPI document (http/openapi/document.ts adds the 429 and the X-RateLimit-* headers). */
export const RateLimited = (name: RateLimitName) => applyDecorators(SetMetadata(RATE_LIMIT_KEY, name), ApiExtension(RATE_LIMIT_EXTENSION, name));

const WINDOW_MS = 60_000;
/** Windows are swept once this many trackers are held, so memory stays bounded under a flood. */
const SWEEP_AT = 10_000;

@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private readonly limits: Record<RateLimitName, number>;

  constructor(
    @Inject(CONFIG) config: ProvisioningConfig,
    private readonly reflector: Reflector,
  ) {
    this.limits = {
      signup: config.rateLimits.signupsPerMinute,
      check: config.rateLimits.checksPerMinute,
      credentials: config.rateLimits.credentialChecksPerMinute,
    };
  }

  canActivate(context: ExecutionContext): boolean {
    const name = this.reflector.get<RateLimitName | undefined>(RATE_LIMIT_KEY, context.getHandler());
    if (!name) return true;
    const http = context.switchToHttp();
    const req = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const now = Date.now();
    if (this.windows.size >= SWEEP_AT) this.sweep(now);
    const key = `${name}:${req.ip}`;
    let w = this.windows.get(key);
    if (!w || now - w.start >= WINDOW_MS) {
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    w.count += 1;
    const limit = this.limits[name];
    const resetSeconds = Math.max(1, Math.ceil((w.start + WINDOW_MS - now) / 1000));
    reply.header('x-ratelimit-limit', String(limit));
    reply.header('x-ratelimit-remaining', String(Math.max(0, limit - w.count)));
    reply.header('x-ratelimit-reset', String(resetSeconds));
    if (w.count <= limit) return true;
    reply.header('retry-after', String(resetSeconds));
    throw new DomainError('REQUEST.RATE_LIMITED', `Too many requests from this address; try again in ${resetSeconds} s.`);
  }

  private sweep(now: number): void {
    for (const [k, w] of this.windows) if (now - w.start >= WINDOW_MS) this.windows.delete(k);
  }
}
