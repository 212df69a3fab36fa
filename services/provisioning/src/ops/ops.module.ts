/**
 * The operations console's service side: health figures folded from the log (also on /metrics)
 * and blue/green rebuilds of the tenant lookup read model. It opens its own handle on the read
 * model (READ_MODEL_URL, checked the same way as the lookup module does), which a rebuild
 * writes through while the lookup module's handle keeps reading.
 */
import { Module } from '@nestjs/common';
import { openReadModel, parseReadModelUrl, readModelUrlFromEnv } from '@tlc/tenant-lookup';
import { ConfigError } from '../config/config.js';
import { OpsController } from './ops.controller.js';
import { OPS_READ_MODEL, ProjectionRebuildService } from './projection-rebuild.service.js';
import { ProvisioningStatsService } from './provisioning-stats.service.js';

async function openFromEnv() {
  const url = readModelUrlFromEnv();
  try {
    parseReadModelUrl(url);
  } catch (err) {
    throw new ConfigError('READ_MODEL_URL', (err as Error).message.replace(/^READ_MODEL_URL:?\s*/, ''));
  }
  return openReadModel(url);
}

@Module({
  controllers: [OpsController],
  providers: [{ provide: OPS_READ_MODEL, useFactory: openFromEnv }, ProvisioningStatsService, ProjectionRebuildService],
})
export class OpsModule {}
