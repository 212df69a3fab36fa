/**
 * The process manager inside the provisioning service. Imports PoolModule for the one
 * heavy-step limiter per instance (PROVISIONING_CONCURRENCY), shared with the pool refiller.
 */
import { Module } from '@nestjs/common';
import { BenchOperations } from '../bench/bench-operations.js';
import { BenchRunner } from '../bench/bench-runner.js';
import type { ProvisioningConfig } from '../config/config.js';
import { CONFIG } from '../config/tokens.js';
import { PoolModule } from '../pool/pool.module.js';
import { SecretsService } from '../secrets/secrets.service.js';
import { parsePmConfig, type PmConfig } from './pm-config.js';
import { ProcessManager } from './process-manager.service.js';
import { StepWork } from './step-work.js';
import { BENCH_OPERATIONS, PM_CONFIG, STEP_WORK } from './tokens.js';

@Module({
  imports: [PoolModule],
  providers: [
    { provide: PM_CONFIG, useFactory: () => parsePmConfig(process.env) },
    {
      provide: BENCH_OPERATIONS, inject: [CONFIG],
      useFactory: (c: ProvisioningConfig) => new BenchOperations(new BenchRunner({ bin: c.pool.benchBin, path: c.pool.benchPath })),
    },
    {
      provide: STEP_WORK, inject: [BENCH_OPERATIONS, SecretsService, PM_CONFIG, CONFIG],
      useFactory: (ops: BenchOperations, secrets: SecretsService, pm: PmConfig, c: ProvisioningConfig) => new StepWork(ops, secrets, pm, c.pool.benchPath),
    },
    ProcessManager,
  ],
  exports: [ProcessManager],
})
export class ProcessManagerModule {}
