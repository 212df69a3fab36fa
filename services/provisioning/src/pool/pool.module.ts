/**
 * The warm pool of standby sites (POOL_SIZE, default 0: off). Imported by AppModule; the
 * process manager injects PoolService to claim a site before a tenant's first step and to give
 * a clean one back on rollback.
 */
import { Module } from '@nestjs/common';
import { BenchModule } from '../bench/bench.module.js';
import type { ProvisioningConfig } from '../config/config.js';
import { CONFIG } from '../config/tokens.js';
import { HEAVY_STEPS, Semaphore } from './heavy-steps.js';
import { PoolIndex } from './pool-index.js';
import { PoolMetrics } from './pool-metrics.js';
import { PoolService } from './pool.service.js';
import { PoolRefiller } from './refiller.js';
import { StandbyRepository } from './standby-repository.js';

@Module({
  imports: [BenchModule],
  providers: [
    { provide: HEAVY_STEPS, inject: [CONFIG], useFactory: (c: ProvisioningConfig) => new Semaphore(c.pool.concurrency) },
    PoolIndex,
    StandbyRepository,
    PoolMetrics,
    PoolService,
    PoolRefiller,
  ],
  exports: [PoolService, PoolIndex, HEAVY_STEPS],
})
export class PoolModule {}
