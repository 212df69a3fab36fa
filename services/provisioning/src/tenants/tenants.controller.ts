/**
 * Signup and the lifecycle routes. Controllers validate, build a command and dispatch it on
 * the CommandBus; the answer is whatever the decider allowed, or a coded problem.
 */
import { Body, Controller, Delete, Get, Headers, HttpCode, Inject, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { checkSubdomain } from '@tlc/tenant-events';
import { IDEMPOTENCY_KEY, IdempotencyService, type StoredAnswer } from '../idempotency/idempotency.service.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { ApiProblems, SUBDOMAIN_CODES } from '../http/openapi/problems.js';
import { RateLimited, RateLimitGuard } from '../http/rate-limit.js';
import { commandMetadata, correlationOf, operatorOf, userOf } from '../http/request-context.js';
import { DomainError } from '../shared/domain-error.js';
import { sha256Hex } from '../shared/ids.js';
import type { TenantCommand } from './commands.js';
import { CreateTenantDto, ReasonDto } from './dto.js';
import { SignupAccepted, TenantCommandResult, TenantStatusView } from './response.dto.js';
import { SignupService } from './signup.service.js';
import { statusView, tenantLinks } from './status-view.js';
import { ExecuteTenantCommand } from './tenant-command.handler.js';
import { TenantRepository } from './tenant-repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The `{id}` of every tenant route: a UUID; anything else is a tenant nobody has (404). */
export const ApiTenantId = () => ApiParam({ name: 'id', format: 'uuid', description: 'The tenant id (any other text answers 404 TENANT.NOT_FOUND).' });
/** Lifecycle routes say who acted in the events they append. */
export const ApiOperator = () =>
  ApiHeader({
    name: 'X-Operator',
    required: false,
    schema: { type: 'string', pattern: '^[A-Za-z0-9._@:-]{1,64}$' },
    description: 'Who acts (recorded as the operator actor; `api` when absent or malformed).',
  });
const LIFECYCLE_COMMON = ['TENANT.NOT_FOUND', 'TENANT.CONCURRENCY_EXHAUSTED'] as const;

export function tenantIdParam(id: string): string {
  if (!UUID.test(id)) throw new DomainError('TENANT.NOT_FOUND', `No tenant has the id "${id.slice(0, 64)}".`, { field: 'id' });
  return id.toLowerCase();
}

@ApiTags('tenants')
@ApiBearerAuth()
@Controller('v1/tenants')
export class TenantsController {
  constructor(
    private readonly bus: CommandBus,
    private readonly signups: SignupService,
    private readonly idempotency: IdempotencyService,
    private readonly tenants: TenantRepository,
    @Inject(MetricsService) private readonly metrics: MetricsService,
  ) {}

  @Post()
  @HttpCode(202)
  @UseGuards(RateLimitGuard)
  @RateLimited('signup')
  @ApiOperation({ summary: 'Sign up: reserve the subdomain and email, record the signup (202)' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: true,
    schema: { type: 'string', pattern: IDEMPOTENCY_KEY.source },
    description: 'Retrying with the same key and body gets the first answer again (Idempotent-Replayed: true); another body under the key is a 422.',
  })
  @ApiAcceptedResponse({
    type: SignupAccepted,
    description: 'The signup is recorded; provisioning runs in the background (follow links.events). Also the answer for the same person signing up again.',
    headers: {
      Location: { description: 'The tenant (links.self).', required: true, schema: { type: 'string' } },
      'Idempotent-Replayed': { description: '`true` when this is the stored answer to an earlier request with this key.', required: false, schema: { type: 'string', enum: ['true'] } },
    },
  })
  @ApiProblems(
    'IDEMPOTENCY.KEY_REQUIRED',
    'IDEMPOTENCY.KEY_REUSED',
    'IDEMPOTENCY.IN_PROGRESS',
    ...SUBDOMAIN_CODES,
    'TENANT.SUBDOMAIN_TAKEN',
    'TENANT.EMAIL_HAS_TENANT',
    'TENANT.ALREADY_EXISTS',
    'TENANT.INVALID_SIGNUP',
    'TENANT.SIGNUP_TIMED_OUT',
    'TENANT.CONCURRENCY_EXHAUSTED',
  )
  async create(
    @Body() body: CreateTenantDto,
    @Headers('idempotency-key') key: string | undefined,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SignupAccepted> {
    if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) {
      throw new DomainError('IDEMPOTENCY.KEY_REQUIRED', 'Send an Idempotency-Key header of 8-255 visible ASCII characters (a UUID is ideal).', { field: 'Idempotency-Key' });
    }
    const identityProvider = body.identityProvider ?? 'password';
    if (identityProvider === 'google' && body.adminPassword !== undefined) {
      throw new DomainError('VALIDATION.FAILED', 'A Google signup carries no password.', {
        field: 'adminPassword',
        errors: [{ field: 'adminPassword', code: 'FIELD.NOT_ALLOWED', message: 'A Google signup carries no password.' }],
      });
    }
    // The pure rules first (signup.service checks them again): a body they refuse must not
    // claim the key, so an invalid request writes nothing at all.
    const sub = checkSubdomain(body.subdomain);
    if (!sub.ok) throw new DomainError(sub.code, sub.message, { field: 'subdomain' });
    const fingerprint = this.idempotency.fingerprint('POST /v1/tenants', { ...body, identityProvider });
    const meta = { correlationId: correlationOf(req) };
    // The key is claimed before any work: of racing requests under one key, one does the work;
    // the same body gets its answer, another body a 422, both without doing anything.
    const begun = await this.idempotency.begin(key, fingerprint, meta);
    if (begun.kind === 'replay') return this.replay(begun.answer, reply, true);

    const stop = this.metrics.signupTimer();
    try {
      const outcome = await this.signups.signup(
        { organization: body.organization, subdomain: body.subdomain, adminEmail: body.adminEmail, identityProvider, adminPassword: body.adminPassword },
        { correlationId: correlationOf(req), actor: userOf(body.adminEmail), requestKey: sha256Hex(`${key}\n${fingerprint}`), stillOwner: () => this.idempotency.stillOwns(begun.claim) },
      );
      const answer = { tenantId: outcome.tenantId, subdomain: outcome.subdomain, status: outcome.state.status, links: tenantLinks(outcome.tenantId) };
      const saved = await this.idempotency.complete(begun.claim, { requestHash: fingerprint, status: 202, body: answer }, meta);
      stop(outcome.existing ? 'existing' : 'created');
      return this.replay(saved, reply, saved.body !== answer);
    } catch (e) {
      stop(e instanceof DomainError ? e.code : 'error');
      // Not answered: a retry with this key does the work again (errors are not recorded).
      await this.idempotency.release(begun.claim, meta);
      throw e;
    }
  }

  private replay(stored: StoredAnswer, reply: FastifyReply, replayed: boolean): SignupAccepted {
    const body = stored.body as { links?: { self?: string } };
    reply.status(stored.status);
    if (body.links?.self) reply.header('location', body.links.self);
    if (replayed) reply.header('idempotent-replayed', 'true');
    return stored.body as SignupAccepted;
  }

  @Get(':id')
  @ApiOperation({ summary: 'Status, steps with timings, site URL, last error' })
  @ApiTenantId()
  @ApiOkResponse({ type: TenantStatusView })
  @ApiProblems('TENANT.NOT_FOUND')
  async status(@Param('id') id: string): Promise<TenantStatusView> {
    const { state } = await this.tenants.load(tenantIdParam(id));
    if (!state.exists) throw new DomainError('TENANT.NOT_FOUND', `No tenant has the id "${id}".`, { field: 'id' });
    return statusView(state);
  }

  @Post(':id/retry')
  @HttpCode(202)
  @ApiOperation({ summary: 'Provision a rolled-back tenant again (takes its names back first)' })
  @ApiTenantId()
  @ApiOperator()
  @ApiAcceptedResponse({ type: TenantCommandResult })
  @ApiProblems(...LIFECYCLE_COMMON, 'TENANT.NOT_ROLLED_BACK', 'TENANT.SUBDOMAIN_TAKEN', 'TENANT.EMAIL_HAS_TENANT')
  retry(@Param('id') id: string, @Req() req: FastifyRequest) {
    const tenantId = tenantIdParam(id);
    return this.run({ type: 'RetryProvisioning', data: { tenantId }, metadata: commandMetadata(req, operatorOf(req)) });
  }

  @Post(':id/suspend')
  @HttpCode(200)
  @ApiOperation({ summary: 'Suspend an active tenant' })
  @ApiTenantId()
  @ApiOperator()
  @ApiOkResponse({ type: TenantCommandResult })
  @ApiProblems(...LIFECYCLE_COMMON, 'TENANT.NOT_ACTIVE')
  suspend(@Param('id') id: string, @Body() body: ReasonDto, @Req() req: FastifyRequest) {
    const tenantId = tenantIdParam(id);
    return this.run({ type: 'SuspendTenant', data: { tenantId, reason: body.reason ?? 'Suspended through the API.' }, metadata: commandMetadata(req, operatorOf(req)) });
  }

  @Post(':id/resume')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resume a suspended tenant' })
  @ApiTenantId()
  @ApiOperator()
  @ApiOkResponse({ type: TenantCommandResult })
  @ApiProblems(...LIFECYCLE_COMMON, 'TENANT.NOT_SUSPENDED')
  resume(@Param('id') id: string, @Req() req: FastifyRequest) {
    const tenantId = tenantIdParam(id);
    return this.run({ type: 'ResumeTenant', data: { tenantId }, metadata: commandMetadata(req, operatorOf(req)) });
  }

  @Delete(':id')
  @HttpCode(202)
  @ApiOperation({ summary: 'Deprovision: drop the site (if any), release the names, destroy the tenant key' })
  @ApiTenantId()
  @ApiOperator()
  @ApiAcceptedResponse({ type: TenantCommandResult })
  @ApiProblems(...LIFECYCLE_COMMON, 'TENANT.ALREADY_DEPROVISIONED', 'TENANT.STILL_PROVISIONING', 'VALIDATION.FAILED')
  deprovision(@Param('id') id: string, @Query() query: ReasonDto, @Req() req: FastifyRequest) {
    const tenantId = tenantIdParam(id);
    return this.run({ type: 'RequestDeprovision', data: { tenantId, reason: query.reason ?? 'Deprovisioned through the API.' }, metadata: commandMetadata(req, operatorOf(req)) });
  }

  private async run(command: TenantCommand): Promise<TenantCommandResult> {
    const result = await this.bus.execute(new ExecuteTenantCommand(command));
    return { ...statusView(result.state), appended: result.events.map((e) => e.type) };
  }
}
