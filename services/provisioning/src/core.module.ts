/**
 * The services every feature shares, global so later modules (the process manager, the
 * lookup read model) can inject the event store, config, the command service and secrets
 * without importing feature modules.
 */
import { Module, type DynamicModule } from '@nestjs/common';
import type { EventStore } from '@tlc/event-store';
import type { Logger as PinoLogger } from 'pino';
import type { ProvisioningConfig } from './config/config.js';
import { CONFIG, EVENT_STORE, KEY_STORE, LOGGER } from './config/tokens.js';
import { IdempotencyService } from './idempotency/idempotency.service.js';
import { MetricsService } from './metrics/metrics.service.js';
import { ReservationsService } from './reservations/reservations.service.js';
import type { KeyStore } from './secrets/key-store.js';
import { SecretsService } from './secrets/secrets.service.js';
import { SignupService } from './tenants/signup.service.js';
import { TenantCommandService } from './tenants/tenant-command.service.js';
import { TenantRepository } from './tenants/tenant-repository.js';

export interface CoreDependencies {
  readonly config: ProvisioningConfig;
  readonly eventStore: EventStore;
  readonly keyStore: KeyStore;
  readonly logger: PinoLogger;
}

const SERVICES = [MetricsService, TenantRepository, ReservationsService, SecretsService, TenantCommandService, IdempotencyService, SignupService];

@Module({})
export class CoreModule {
  static forRoot(deps: CoreDependencies): DynamicModule {
    const values = [
      { provide: CONFIG, useValue: deps.config },
      { provide: EVENT_STORE, useValue: deps.eventStore },
      { provide: KEY_STORE, useValue: deps.keyStore },
      { provide: LOGGER, useValue: deps.logger },
    ];
    return {
      module: CoreModule,
      global: true,
      providers: [...values, ...SERVICES],
      exports: [CONFIG, EVENT_STORE, KEY_STORE, LOGGER, ...SERVICES],
    };
  }
}
