/**
 * The tenant lookup read model inside the provisioning API. READ_MODEL_URL (default
 * sqlite:./data/read-model.db) is parsed once when the module starts; a bad value stops the
 * app with a message naming the variable.
 */
import { Module } from '@nestjs/common';
import { openReadModel, parseReadModelUrl, readModelUrlFromEnv } from '@tlc/tenant-lookup';
import { ConfigError } from '../config/config.js';
import { LookupController } from './lookup.controller.js';
import { LookupService, READ_MODEL } from './lookup.service.js';

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
  controllers: [LookupController],
  providers: [{ provide: READ_MODEL, useFactory: openFromEnv }, LookupService],
})
export class LookupModule {}
