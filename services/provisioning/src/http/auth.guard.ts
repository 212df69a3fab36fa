/**
 * Bearer auth for every /v1 route. The presented token is compared with the secret in constant
 * time, and neither the secret's content nor its length shows in the timing: timingSafeEqual
 * always runs over the secret's own length (a token of another length is swapped for the secret
 * itself, compared, then refused). This used to compare SHA-256 digests for the same guarantee;
 * hashing on every request was the largest single cost of GET /v1/lookup left after its own
 * work (bench B3: ~7 of ~185 µs of CPU per request under load).
 */
import { timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { ProvisioningConfig } from '../config/config.js';
import { CONFIG } from '../config/tokens.js';
import { DomainError } from '../shared/domain-error.js';

@Injectable()
export class BearerAuthGuard implements CanActivate {
  private readonly expected: Buffer;

  constructor(@Inject(CONFIG) config: ProvisioningConfig) {
    this.expected = Buffer.from(config.apiSecret, 'utf8');
  }

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    const query = req.url.indexOf('?');
    const path = query === -1 ? req.url : req.url.slice(0, query);
    if (path !== '/v1' && !path.startsWith('/v1/')) return true;
    const header = req.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ([\x21-\x7e]+)$/.exec(header) : null;
    if (match && this.isSecret(match[1])) return true;
    throw new DomainError('AUTH.UNAUTHORIZED', 'Send Authorization: Bearer <PROVISIONING_API_SECRET>.');
  }

  private isSecret(token: string): boolean {
    const given = Buffer.from(token, 'utf8');
    const sameLength = given.length === this.expected.length;
    return timingSafeEqual(sameLength ? given : this.expected, this.expected) && sameLength;
  }
}
