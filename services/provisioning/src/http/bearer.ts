/**
 * The bearer check shared by the Nest guard and the Fastify hook. The presented token is
 * compared with the secret in constant time, and neither the secret's content nor its length
 * shows in the timing: timingSafeEqual always runs over the secret's own length (a token of
 * another length is swapped for the secret itself, compared, then refused). This used to
 * compare SHA-256 digests for the same guarantee; hashing on every request was the largest
 * single cost of GET /v1/lookup left after its own work (bench B3: ~7 of ~185 µs per request).
 */
import { timingSafeEqual } from 'node:crypto';
import { DomainError } from '../shared/domain-error.js';

const BEARER = /^Bearer ([\x21-\x7e]+)$/;

export class BearerSecret {
  private readonly expected: Buffer;

  constructor(secret: string) {
    this.expected = Buffer.from(secret, 'utf8');
  }

  /** True when the Authorization header is exactly `Bearer <secret>`. */
  accepts(header: string | string[] | undefined): boolean {
    const match = typeof header === 'string' ? BEARER.exec(header) : null;
    if (!match) return false;
    const given = Buffer.from(match[1], 'utf8');
    const sameLength = given.length === this.expected.length;
    return timingSafeEqual(sameLength ? given : this.expected, this.expected) && sameLength;
  }
}

export const unauthorized = (): DomainError => new DomainError('AUTH.UNAUTHORIZED', 'Send Authorization: Bearer <PROVISIONING_API_SECRET>.');
