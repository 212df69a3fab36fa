/**
 * The dashboard's window on its credentials (bearer-protected like every route: only the web's
 * server calls it, for the signed-in owner of the tenant). GET says what can still be shown;
 * POST .../reveal shows it, once; POST .../api-secret/rotate makes a new API secret to show once.
 * Answers are never cached.
 */
import { Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiParam, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { RevealableCredential } from '@tlc/tenant-events';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiProblems } from '../http/openapi/problems.js';
import { commandMetadata, userOf } from '../http/request-context.js';
import { DomainError } from '../shared/domain-error.js';
import { ApiTenantId, tenantIdParam } from '../tenants/tenants.controller.js';
import { TenantRepository } from '../tenants/tenant-repository.js';
import { CREDENTIALS, CredentialsOverview, RevealedAdminPassword, RevealedApiSecret } from './dto.js';
import { RevealService } from './reveal.service.js';
import { RotateService } from './rotate.service.js';

function credentialParam(raw: string): RevealableCredential {
  if ((CREDENTIALS as readonly string[]).includes(raw)) return raw as RevealableCredential;
  throw new DomainError('VALIDATION.FAILED', `credential must be one of ${CREDENTIALS.join(', ')}.`, {
    field: 'credential',
    errors: [{ field: 'credential', code: 'FIELD.IS_IN', message: `credential must be one of ${CREDENTIALS.join(', ')}` }],
  });
}

const NO_STORE = { 'Cache-Control': { required: true, schema: { type: 'string' as const, enum: ['no-store'] } } };

@ApiTags('credentials')
@ApiBearerAuth()
@ApiExtraModels(RevealedApiSecret, RevealedAdminPassword)
@Controller('v1/tenants')
export class RevealController {
  constructor(
    private readonly reveals: RevealService,
    private readonly tenants: TenantRepository,
    private readonly rotations: RotateService,
  ) {}

  @Get(':id/credentials')
  @ApiOperation({ summary: 'Which credentials can still be shown (never a value)' })
  @ApiTenantId()
  @ApiOkResponse({ type: CredentialsOverview, headers: NO_STORE })
  @ApiProblems('TENANT.NOT_FOUND')
  async overview(@Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<CredentialsOverview> {
    reply.header('cache-control', 'no-store');
    return this.reveals.overview(tenantIdParam(id));
  }

  @Post(':id/credentials/:credential/reveal')
  @HttpCode(200)
  @ApiOperation({ summary: "Show the API secret or a Google sign-up's generated desk password, once (records CredentialRevealed)" })
  @ApiTenantId()
  @ApiParam({ name: 'credential', enum: CREDENTIALS })
  @ApiOkResponse({ schema: { oneOf: [{ $ref: getSchemaPath(RevealedApiSecret) }, { $ref: getSchemaPath(RevealedAdminPassword) }] }, headers: NO_STORE })
  @ApiProblems('TENANT.NOT_FOUND', 'VALIDATION.FAILED', 'CREDENTIALS.ALREADY_REVEALED', 'CREDENTIALS.NOT_AVAILABLE', 'SECRETS.KEY_DESTROYED', 'TENANT.CONCURRENCY_EXHAUSTED')
  async reveal(@Param('id') id: string, @Param('credential') raw: string, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const tenantId = tenantIdParam(id);
    const credential = credentialParam(raw);
    const { state } = await this.tenants.load(tenantId);
    // The owner is the actor: the web calls this only for the signed-in person of this tenant.
    const shown = await this.reveals.reveal(tenantId, credential, commandMetadata(req, userOf(state.adminEmail)));
    reply.header('cache-control', 'no-store');
    return shown;
  }

  @Post(':id/credentials/api-secret/rotate')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Make a new API secret for the site (the key stays); it can then be shown once (records ApiSecretRotationStarted, then ApiSecretRotated)',
    description: 'Answers once the site has the new secret: the overview, with apiSecret "available". The old secret stops working. Never answers a value.',
  })
  @ApiTenantId()
  @ApiOkResponse({ type: CredentialsOverview, headers: NO_STORE })
  @ApiProblems(
    'TENANT.NOT_FOUND',
    'TENANT.NOT_ACTIVE',
    'CREDENTIALS.NOT_AVAILABLE',
    'CREDENTIALS.ROTATION_IN_PROGRESS',
    'CREDENTIALS.ROTATION_FAILED',
    'CREDENTIALS.ROTATION_UNAVAILABLE',
    'SECRETS.KEY_DESTROYED',
    'TENANT.CONCURRENCY_EXHAUSTED',
  )
  async rotate(@Param('id') id: string, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<CredentialsOverview> {
    const tenantId = tenantIdParam(id);
    const { state } = await this.tenants.load(tenantId);
    if (!state.exists) throw new DomainError('TENANT.NOT_FOUND', `No tenant has the id "${tenantId}".`, { field: 'id' });
    const overview = await this.rotations.rotate(tenantId, commandMetadata(req, userOf(state.adminEmail)));
    reply.header('cache-control', 'no-store');
    return overview;
  }
}
