/**
 * Routes for the operations console (web /ops): provisioning health and the tenant lookup
 * projection's generations and rebuilds. Behind the bearer like every route (deny by default);
 * the web decides who is an operator and names them in X-Operator.
 */
import { Controller, Get, HttpCode, Inject, Post, Query, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiProblems } from '../http/openapi/problems.js';
import { operatorOf } from '../http/request-context.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { ApiOperator } from '../tenants/tenants.controller.js';
import { healthView, lagView, poolSizes } from './ops-health.js';
import { HealthQueryDto, OpsHealth, ProjectionStatusView, RebuildRunView } from './ops.dto.js';
import { ProjectionRebuildService } from './projection-rebuild.service.js';
import { ProvisioningStatsService } from './provisioning-stats.service.js';

@ApiTags('ops')
@ApiBearerAuth()
@Controller('v1/ops')
export class OpsController {
  constructor(
    @Inject(ProvisioningStatsService) private readonly stats: ProvisioningStatsService,
    @Inject(ProjectionRebuildService) private readonly projections: ProjectionRebuildService,
    @Inject(MetricsService) private readonly metrics: MetricsService,
  ) {}

  @Get('health')
  @ApiOperation({ summary: 'Provisioning health: signups and outcomes per hour, signup-to-Active times, failures by step and class, pool, lag' })
  @ApiOkResponse({ type: OpsHealth })
  @ApiProblems('VALIDATION.FAILED')
  async health(@Query() query: HealthQueryDto): Promise<OpsHealth> {
    const [stats, pool, lag] = await Promise.all([
      this.stats.current(),
      poolSizes(this.metrics.registry).catch(() => null),
      this.projections.status().then(
        (s) => s.lag,
        () => null,
      ),
    ]);
    return healthView(stats, Date.now(), query.hours ?? 48, pool, lag);
  }

  @Get('projections')
  @ApiOperation({ summary: 'The tenant lookup read model: its generations, lag, and the last rebuild started here' })
  @ApiOkResponse({ type: ProjectionStatusView })
  @ApiProblems('SERVICE.UNAVAILABLE')
  async projectionStatus(): Promise<ProjectionStatusView> {
    const s = await this.projections.status();
    return { generations: s.generations, lag: lagView(s.lag), rebuild: s.rebuild as RebuildRunView | null };
  }

  @Post('projections/rebuild')
  @HttpCode(202)
  @ApiOperation({ summary: 'Start a blue/green rebuild of the tenant lookup read model (answers the running one if any); reads switch when it has caught up' })
  @ApiOperator()
  @ApiAcceptedResponse({ type: RebuildRunView })
  @ApiProblems('SERVICE.UNAVAILABLE')
  rebuild(@Req() req: FastifyRequest): RebuildRunView {
    return this.projections.start(operatorOf(req).id) as RebuildRunView;
  }
}
