/**
 * Email sign-in for the web: `{ email, password }` -> `{ tenantId, subdomain, status }` or 401.
 * An unknown email costs the same scrypt work as a wrong password, so timing tells nothing. A
 * password signup's email must be proven (the link sent to it) before it signs anyone in.
 *
 * Every tenant that exists signs its person in, whatever its status (issue 18): a RolledBack
 * one so they can press Retry, a Suspended one to see its notice, a Broken one to learn what
 * happens next. Only a Deprovisioned tenant is gone. A rolled-back tenant gave its email
 * reservation back, so when nobody holds the address now, the tenant that released it last is
 * the one that signs in (if it is still RolledBack); a later signup with the address wins.
 */
import { Body, Controller, HttpCode, Inject, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EventStore } from '@tlc/event-store';
import { adminEmailStream, normalizeEmail, type TenantState } from '@tlc/tenant-events';
import { EVENT_STORE } from '../config/tokens.js';
import { ApiProblems } from '../http/openapi/problems.js';
import { RateLimited, RateLimitGuard } from '../http/rate-limit.js';
import { ReservationsService } from '../reservations/reservations.service.js';
import { DomainError } from '../shared/domain-error.js';
import { VerifyCredentialsDto } from '../tenants/dto.js';
import { CredentialsVerified } from '../tenants/response.dto.js';
import { TenantRepository, readStreamOrEmpty } from '../tenants/tenant-repository.js';
import { SecretsService } from './secrets.service.js';

/** The one status that signs nobody in: the tenant and its site are gone. */
const NO_SIGN_IN_STATUSES = new Set(['Deprovisioned']);

@ApiTags('credentials')
@ApiBearerAuth()
@Controller('v1/credentials')
export class CredentialsController {
  private dummyHash?: Promise<string>;

  constructor(
    private readonly reservations: ReservationsService,
    private readonly secrets: SecretsService,
    private readonly tenants: TenantRepository,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** The tenant this address signs in to: its live holder, else the rolled-back tenant that released it last. */
  private async tenantFor(email: string): Promise<TenantState | undefined> {
    const stream = adminEmailStream(email);
    const held = await this.reservations.holderOf(stream, new Date().toISOString());
    if (held) return held.verdict === 'live' ? held.state : undefined;
    const last = (await readStreamOrEmpty(this.store, stream)).at(-1);
    if (last?.type !== 'AdminEmailReleased') return undefined;
    const tenantId = (last.data as { tenantId?: unknown }).tenantId;
    if (typeof tenantId !== 'string') return undefined;
    const { state } = await this.tenants.load(tenantId);
    return state.exists && state.status === 'RolledBack' ? state : undefined;
  }

  @Post('verify')
  @HttpCode(200)
  @UseGuards(RateLimitGuard)
  @RateLimited('credentials')
  @ApiOperation({ summary: 'Check an admin email and password' })
  @ApiOkResponse({ type: CredentialsVerified })
  @ApiProblems('AUTH.INVALID_CREDENTIALS', 'AUTH.EMAIL_UNVERIFIED')
  async verify(@Body() body: VerifyCredentialsDto): Promise<CredentialsVerified> {
    const state = await this.tenantFor(normalizeEmail(body.email));
    const hash = state?.adminPasswordHash ?? (await (this.dummyHash ??= this.secrets.hashPassword('dummy password for timing')));
    const ok = await this.secrets.verifyPassword(body.password, hash);
    if (!ok || !state || !state.adminPasswordHash || NO_SIGN_IN_STATUSES.has(state.status)) {
      throw new DomainError('AUTH.INVALID_CREDENTIALS', 'The email address or the password is wrong.');
    }
    // Only someone who knows the password learns that the address still needs its link used.
    if (!state.emailVerified) {
      throw new DomainError('AUTH.EMAIL_UNVERIFIED', 'Confirm your email address first: use the link we sent to it.');
    }
    return { tenantId: state.tenantId, subdomain: state.subdomain, status: state.status };
  }
}
