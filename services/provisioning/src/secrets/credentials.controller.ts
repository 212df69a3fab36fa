/**
 * Email sign-in for the web: `{ email, password }` -> `{ tenantId, subdomain }` or 401. An
 * unknown email costs the same scrypt work as a wrong password, so timing tells nothing. A
 * password signup's email must be proven (the link sent to it) before it signs anyone in.
 */
import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { adminEmailStream, normalizeEmail } from '@tlc/tenant-events';
import { RateLimited, RateLimitGuard } from '../http/rate-limit.js';
import { ReservationsService } from '../reservations/reservations.service.js';
import { DomainError } from '../shared/domain-error.js';
import { VerifyCredentialsDto } from '../tenants/dto.js';
import { SecretsService } from './secrets.service.js';

const SIGN_IN_STATUSES = new Set(['Requested', 'Provisioning', 'Active']);

@ApiTags('credentials')
@ApiBearerAuth()
@Controller('v1/credentials')
export class CredentialsController {
  private dummyHash?: Promise<string>;

  constructor(
    private readonly reservations: ReservationsService,
    private readonly secrets: SecretsService,
  ) {}

  @Post('verify')
  @HttpCode(200)
  @UseGuards(RateLimitGuard)
  @RateLimited('credentials')
  @ApiOperation({ summary: 'Check an admin email and password' })
  async verify(@Body() body: VerifyCredentialsDto) {
    const held = await this.reservations.holderOf(adminEmailStream(normalizeEmail(body.email)), new Date().toISOString());
    const state = held?.verdict === 'live' ? held.state : undefined;
    const hash = state?.adminPasswordHash ?? (await (this.dummyHash ??= this.secrets.hashPassword('dummy password for timing')));
    const ok = await this.secrets.verifyPassword(body.password, hash);
    if (!ok || !state || !state.adminPasswordHash || !SIGN_IN_STATUSES.has(state.status)) {
      throw new DomainError('AUTH.INVALID_CREDENTIALS', 'The email address or the password is wrong.');
    }
    // Only someone who knows the password learns that the address still needs its link used.
    if (!state.emailVerified) {
      throw new DomainError('AUTH.EMAIL_UNVERIFIED', 'Confirm your email address first: use the link we sent to it.');
    }
    return { tenantId: state.tenantId, subdomain: state.subdomain, status: state.status };
  }
}
