/**
 * The provisioning app. Other features plug in here with one line in `imports`:
 * - the tenant lookup read model (`GET /v1/lookup`, projections/tenant-lookup): a `lookup/` module;
 * - the process manager (issue 4): its module from `process-manager/`.
 * Both can inject CONFIG, EVENT_STORE, LOGGER, TenantCommandService, SecretsService (CoreModule is global).
 */
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import { AuditModule } from './audit/audit.module.js';
import { CoreModule, type CoreDependencies } from './core.module.js';
import { EmailModule } from './email/email.module.js';
import { RevealModule } from './credentials-reveal/reveal.module.js';
import { EmailVerificationController } from './email/email-verification.controller.js';
import { HealthController } from './health/health.controller.js';
import { BearerAuthGuard } from './http/auth.guard.js';
import { ProblemFilter } from './http/problem.filter.js';
import { RateLimitGuard } from './http/rate-limit.js';
import { StrictValidationPipe } from './http/validation.pipe.js';
import { MetricsController } from './metrics/metrics.controller.js';
import { LookupModule } from './lookup/lookup.module.js';
import { OpsModule } from './ops/ops.module.js';
import { PoolModule } from './pool/pool.module.js';
import { ProcessManagerModule } from './process-manager/process-manager.module.js';
import { SubdomainsController } from './reservations/subdomains.controller.js';
import { CredentialsController } from './secrets/credentials.controller.js';
import { ExecuteTenantCommandHandler } from './tenants/tenant-command.handler.js';
import { TenantsController } from './tenants/tenants.controller.js';
import { TenantStreamController } from './tenants/tenant-stream.controller.js';

@Module({})
export class AppModule {
  static forRoot(deps: CoreDependencies): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(deps),
        CqrsModule.forRoot(),
        TerminusModule.forRoot({ errorLogStyle: 'json', logger: false }),
        LookupModule,
        ProcessManagerModule,
        PoolModule,
        EmailModule,
        RevealModule,
        OpsModule,
        AuditModule,
      ],
      controllers: [HealthController, MetricsController, SubdomainsController, TenantsController, TenantStreamController, CredentialsController, EmailVerificationController],
      providers: [
        ExecuteTenantCommandHandler,
        RateLimitGuard,
        { provide: APP_GUARD, useClass: BearerAuthGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_PIPE, useClass: StrictValidationPipe },
      ],
    };
  }
}
