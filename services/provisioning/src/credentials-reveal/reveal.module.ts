/** Reveal-once of a tenant's API secret and generated desk password, and API secret rotation (issue 18, item 4). */
import { Module } from '@nestjs/common';
import { BenchModule } from '../bench/bench.module.js';
import { RevealController } from './reveal.controller.js';
import { RevealService } from './reveal.service.js';
import { RotateService } from './rotate.service.js';

@Module({
  imports: [BenchModule],
  controllers: [RevealController],
  providers: [RevealService, RotateService],
})
export class RevealModule {}
