/**
 * Liveness and readiness in one answer: the process is up, and the event store answers a ping
 * within a second. Down -> 503 (as problem+json, like every error).
 */
import { Controller, Get, Inject } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { ApiTags } from '@nestjs/swagger';
import type { EventStore } from '@tlc/event-store';
import { EVENT_STORE } from '../config/tokens.js';
import { Public } from '../http/public.js';

const within = <T>(p: Promise<T>, ms: number): Promise<T> =>
  Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref())]);

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      async () => this.indicators.check('process').up({ uptimeSeconds: Math.round(process.uptime()) }),
      async () => {
        const session = this.indicators.check('eventStore');
        try {
          await within(this.store.ping(), 1000);
          return session.up({ backend: this.store.description });
        } catch (e) {
          return session.down({ backend: this.store.description, message: (e as Error).message });
        }
      },
    ]);
  }
}
