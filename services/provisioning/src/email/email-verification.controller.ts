/**
 * Email proof for the web: use a verification link's token, or ask for another link. The
 * second answers the same whatever the address (202), so it tells nobody which emails have a
 * site; the link only ever goes to the address itself.
 */
import { Body, Controller, HttpCode, Inject, Post, Req, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { adminEmailStream, normalizeEmail } from '@tlc/tenant-events';
import type { FastifyRequest } from 'fastify';
import type { ProvisioningConfig } from '../config/config.js';
import { CONFIG } from '../config/tokens.js';
import { ApiProblems } from '../http/openapi/problems.js';
import { RateLimited, RateLimitGuard } from '../http/rate-limit.js';
import { commandMetadata, userOf } from '../http/request-context.js';
import { ReservationsService } from '../reservations/reservations.service.js';
import { DomainError } from '../shared/domain-error.js';
import { TenantCommandService } from '../tenants/tenant-command.service.js';
import { TenantRepository } from '../tenants/tenant-repository.js';
import { EmailVerified, ResendAccepted, ResendVerificationDto, UseVerificationDto } from './dto.js';
import { VerificationTokens } from './verification-token.js';

const invalid = () => new DomainError('EMAIL.VERIFICATION_INVALID', 'This verification link is not valid any more; ask for a new one.', { field: 'token' });

@ApiTags('email')
@ApiBearerAuth()
@Controller('v1/email-verifications')
export class EmailVerificationController {
  private readonly tokens: VerificationTokens;

  constructor(
    @Inject(CONFIG) config: ProvisioningConfig,
    private readonly tenants: TenantRepository,
    private readonly commands: TenantCommandService,
    private readonly reservations: ReservationsService,
  ) {
    this.tokens = new VerificationTokens(config.secretsKey);
  }

  @Post()
  @HttpCode(200)
  @UseGuards(RateLimitGuard)
  @RateLimited('credentials')
  @ApiOperation({ summary: 'Use an email verification token' })
  @ApiOkResponse({ type: EmailVerified })
  @ApiProblems('EMAIL.VERIFICATION_INVALID', 'TENANT.CONCURRENCY_EXHAUSTED')
  async verify(@Body() body: UseVerificationDto, @Req() req: FastifyRequest): Promise<EmailVerified> {
    const claims = this.tokens.parse(body.token);
    if (!claims) throw invalid();
    const { state } = await this.tenants.load(claims.tenantId);
    if (!state.exists || !this.tokens.verify(body.token, state.adminEmail, new Date())) throw invalid();
    const result = await this.commands.handle({
      type: 'VerifyEmail',
      data: { tenantId: state.tenantId, email: state.adminEmail },
      metadata: commandMetadata(req, userOf(state.adminEmail)),
    });
    return { tenantId: state.tenantId, subdomain: state.subdomain, email: state.adminEmail, status: result.state.status, emailVerified: true };
  }

  @Post('resend')
  @HttpCode(202)
  @UseGuards(RateLimitGuard)
  @RateLimited('signup')
  @ApiOperation({ summary: 'Send another verification link, if this address has a signup waiting for one' })
  @ApiAcceptedResponse({ type: ResendAccepted })
  @ApiProblems('TENANT.CONCURRENCY_EXHAUSTED')
  async resend(@Body() body: ResendVerificationDto, @Req() req: FastifyRequest): Promise<ResendAccepted> {
    const email = normalizeEmail(body.email);
    const held = await this.reservations.holderOf(adminEmailStream(email), new Date().toISOString());
    if (held?.verdict === 'live' && !held.state.emailVerified) {
      await this.commands.handle({ type: 'RequestVerificationEmail', data: { tenantId: held.state.tenantId }, metadata: commandMetadata(req, userOf(email)) });
    }
    return { accepted: true };
  }
}
