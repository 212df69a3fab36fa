/**
 * The process manager inside the provisioning service. Imports PoolModule for the one
 * heavy-step limiter per instance (PROVISIONING_CONCURRENCY), shared with the pool refiller.
 * Its settings are `config.pm`, parsed once with the rest of the configuration; bench commands go
 * through the service's one BenchOperations (BenchModule), shared with the pool.
 */
import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import type { BenchOperations } from '../bench/bench-operations.js';
import { BENCH_OPERATIONS, BenchModule } from '../bench/bench.module.js';
import type { ProvisioningConfig } from '../config/config.js';
import { CONFIG, LOGGER } from '../config/tokens.js';
import { PoolModule } from '../pool/pool.module.js';
import { keyStoreUrlFor } from '../secrets/key-store.js';
import { SecretsService } from '../secrets/secrets.service.js';
import { Heartbeat } from './liveness/heartbeat.js';
import { openRunnerRegistry, runnerRegistryUrlFor, type RunnerRegistry } from './liveness/runner-registry.js';
import { ProcessManager } from './process-manager.service.js';
import { StepWork } from './step-work.js';
import { HEARTBEAT, STEP_WORK } from './tokens.js';

const RUNNER_REGISTRY = Symbol.for('tlc.provisioning.runner-registry');

@Module({
  imports: [PoolModule, BenchModule],
  providers: [
    {
      provide: STEP_WORK,
      inject: [BENCH_OPERATIONS, SecretsService, CONFIG],
      useFactory: (ops: BenchOperations, secrets: SecretsService, c: ProvisioningConfig) => new StepWork(ops, secrets, c.pm, c.bench),
    },
    {
      // Beside the key store: a sibling SQLite file, or the same PostgreSQL database.
      provide: RUNNER_REGISTRY,
      inject: [CONFIG],
      useFactory: (c: ProvisioningConfig) => openRunnerRegistry(runnerRegistryUrlFor(c.keyStoreUrl ?? keyStoreUrlFor(c.eventStoreUrl))),
    },
    {
      provide: HEARTBEAT,
      inject: [RUNNER_REGISTRY, CONFIG, LOGGER],
      useFactory: (r: RunnerRegistry, c: ProvisioningConfig, logger: Logger) => new Heartbeat(r, c.pm, logger),
    },
    ProcessManager,
  ],
  exports: [ProcessManager],
})
export class ProcessManagerModule implements OnApplicationShutdown {
  constructor(@Inject(RUNNER_REGISTRY) private readonly registry: RunnerRegistry) {}

  async onApplicationShutdown(): Promise<void> {
    await this.registry.close().catch(() => undefined);
  }
}
