/**
 * Liveness and readiness in one answer: the process is up, and the event store answers a ping
 * within a second. Down -> 503 (as problem+json, like every error).
 */
import { Controller, Get, Inject } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EventStore } from '@tlc/event-store';
import { EVENT_STORE } from '../config/tokens.js';
import { ApiAnswerHeaders } from '../http/openapi/document.js';
import { ApiProblems } from '../http/openapi/problems.js';
import { Public } from '../http/public.js';
import { HealthReport } from './dto.js';

const within = <T>(p: Promise<T>, ms: number): Promise<T> => Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref())]);

const NO_CACHE = { 'Cache-Control': { required: true, schema: { type: 'string' as const, enum: ['no-cache, no-store, must-revalidate'] } } };

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
  // Documented here rather than by terminus, whose 503 schema is not the problem+json we send.
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({ summary: 'Up, and the event store answers within a second (no bearer needed)' })
  @ApiOkResponse({ type: HealthReport, headers: NO_CACHE })
  @ApiAnswerHeaders(NO_CACHE)
  @ApiProblems('SERVICE.UNAVAILABLE')
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
