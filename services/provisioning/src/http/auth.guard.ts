/**
 * Bearer auth for every /v1 route. The comparison is constant-time over SHA-256 digests, so
 * neither the secret's content nor its length leaks through timing. Digests are compared in
 * their hex form: one-shot `hash()` to hex costs a third of createHash().update().digest() on
 * Node 20 (which also fetches the algorithm from OpenSSL 3 on every call), and asking `hash()`
 * for a Buffer instead is itself slow there (bench B3: the guard was ~9 % of GET /v1/lookup).
 */
import { hash, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { ProvisioningConfig } from '../config/config.js';
import { CONFIG } from '../config/tokens.js';
import { DomainError } from '../shared/domain-error.js';

const digest = (s: string): Buffer => Buffer.from(hash('sha256', s, 'hex'), 'latin1');

@Injectable()
export class BearerAuthGuard implements CanActivate {
  private readonly expected: Buffer;

  constructor(@Inject(CONFIG) config: ProvisioningConfig) {
    this.expected = digest(config.apiSecret);
  }

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    const path = req.url.split('?')[0];
    if (path !== '/v1' && !path.startsWith('/v1/')) return true;
    const header = req.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ([\x21-\x7e]+)$/.exec(header) : null;
    if (match && timingSafeEqual(digest(match[1]), this.expected)) return true;
    throw new DomainError('AUTH.UNAUTHORIZED', 'Send Authorization: Bearer <PROVISIONING_API_SECRET>.');
  }
}
