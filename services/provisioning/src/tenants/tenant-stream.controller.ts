/**
 * A tenant's events as Server-Sent Events, and its history as of an instant.
 * SSE: a snapshot first (id = the revision it reflects), then one message per event (id = its
 * stream revision); `Last-Event-ID` resumes after that revision; a comment line every 15 s keeps
 * proxies from closing the connection; the stream ends once the tenant settles (Active,
 * RolledBack, ...). New events are found by reading the stream, so appends made by any instance
 * show up, not only this one's.
 */
import { Controller, Get, Headers, Inject, Param, Query, Req, Res, type OnModuleDestroy } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiHeader, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { EventStore, RecordedEvent } from '@tlc/event-store';
import { evolve, tenantStream, upcast, verifyChain, type TenantEvent, type TenantState } from '@tlc/tenant-events';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ProvisioningConfig } from '../config/config.js';
import { CONFIG, EVENT_STORE } from '../config/tokens.js';
import { ApiProblems } from '../http/openapi/problems.js';
import { DomainError } from '../shared/domain-error.js';
import { EventMetadata, TenantHistory, TenantStatusView } from './response.dto.js';
import { SETTLED, publicEvent, statusView } from './status-view.js';
import { TenantRepository, foldRecorded } from './tenant-repository.js';
import { ApiTenantId, tenantIdParam } from './tenants.controller.js';

const sse = (id: number, event: string, data: unknown): string => `id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

@ApiTags('tenants')
@ApiBearerAuth()
// The stream's message schemas (http/openapi/stream-schemas.ts) refer to these by name.
@ApiExtraModels(TenantStatusView, EventMetadata)
@Controller('v1/tenants')
export class TenantStreamController implements OnModuleDestroy {
  /** Open streams, ended when the app closes (they would otherwise hold the server open). */
  private readonly open = new Set<() => void>();

  constructor(
    private readonly tenants: TenantRepository,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CONFIG) private readonly config: ProvisioningConfig,
  ) {}

  @Get(':id/events')
  @ApiOperation({ summary: 'Server-Sent Events: snapshot, then every tenant event until it settles' })
  @ApiTenantId()
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    schema: { type: 'string', pattern: '^\\s*\\d{1,9}\\s*$' },
    description: 'Resume after this revision: no snapshot, the events after it, then live ones.',
  })
  @ApiOkResponse({
    description: 'text/event-stream: `retry: 2000`, a snapshot (unless resuming), one message per event, `: heartbeat` comments; ends once the tenant settles.',
    headers: {
      'Cache-Control': { required: true, schema: { type: 'string', enum: ['no-cache, no-transform'] } },
      'X-Accel-Buffering': { required: true, schema: { type: 'string', enum: ['no'] }, description: 'Tells nginx not to buffer the stream.' },
    },
    content: { 'text/event-stream': { schema: { $ref: '#/components/schemas/TenantStreamMessage' } } },
  })
  @ApiProblems('TENANT.NOT_FOUND')
  async events(@Param('id') id: string, @Headers('last-event-id') lastEventId: string | undefined, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const tenantId = tenantIdParam(id);
    const { state: current, recorded } = await this.tenants.load(tenantId);
    if (!current.exists) throw new DomainError('TENANT.NOT_FOUND', `No tenant has the id "${tenantId}".`, { field: 'id' });
    const resumeAfter = lastEventId !== undefined && /^\d{1,9}$/.test(lastEventId.trim()) ? Number(lastEventId.trim()) : undefined;

    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'x-request-id': String(req.id),
    });
    let closed = false;
    const stop = () => {
      closed = true;
    };
    raw.on('close', stop);
    this.open.add(stop);
    raw.write('retry: 2000\n\n');

    let state: TenantState;
    if (resumeAfter === undefined) {
      state = current;
      raw.write(sse(state.revision, 'snapshot', statusView(state)));
    } else {
      // Resume: replay what the client missed, folding from the start so `status` stays right.
      state = foldRecorded(recorded, (r) => r.revision <= resumeAfter);
      for (const r of recorded.filter((e) => e.revision > resumeAfter)) state = this.send(raw, state, r);
    }
    const heartbeat = setInterval(() => raw.write(': heartbeat\n\n'), this.config.sse.heartbeatMs);
    try {
      while (!closed && !SETTLED.has(state.status)) {
        await new Promise((r) => setTimeout(r, this.config.sse.pollMs));
        const fresh = await this.store.readStream(tenantStream(tenantId), { fromRevision: state.revision + 1 });
        for (const r of fresh) state = this.send(raw, state, r);
      }
    } catch (e) {
      req.log.warn({ err: e }, 'event stream ended early');
    } finally {
      clearInterval(heartbeat);
      this.open.delete(stop);
      raw.end();
    }
  }

  onModuleDestroy(): void {
    for (const stop of this.open) stop();
  }

  private send(raw: NodeJS.WritableStream, state: TenantState, r: RecordedEvent): TenantState {
    const next = evolve(state, upcast<TenantEvent>(r), r.revision);
    raw.write(sse(r.revision, r.type, { ...publicEvent(r), status: next.status }));
    return next;
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'Every event with its metadata, and the state folded up to asOf' })
  @ApiTenantId()
  @ApiQuery({ name: 'asOf', required: false, schema: { type: 'string', format: 'date-time' }, description: 'ISO-8601 instant; default now', example: '2026-11-27T08:00:00Z' })
  @ApiOkResponse({ type: TenantHistory })
  @ApiProblems('TENANT.NOT_FOUND', 'VALIDATION.FAILED')
  async history(@Param('id') id: string, @Query('asOf') asOf?: string): Promise<TenantHistory> {
    const tenantId = tenantIdParam(id);
    const at = asOf === undefined ? undefined : Date.parse(asOf);
    if (asOf !== undefined && (typeof asOf !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(asOf) || Number.isNaN(at))) {
      throw new DomainError('VALIDATION.FAILED', 'asOf must be an ISO-8601 instant such as 2026-11-27T08:00:00Z.', {
        field: 'asOf',
        errors: [{ field: 'asOf', code: 'FIELD.IS_ISO8601', message: 'asOf must be an ISO-8601 instant.' }],
      });
    }
    const { state, recorded } = await this.tenants.loadFromStore(tenantId);
    if (!state.exists) throw new DomainError('TENANT.NOT_FOUND', `No tenant has the id "${tenantId}".`, { field: 'id' });
    const occurred = (r: RecordedEvent) => Date.parse(String((r.metadata as { occurredAt?: string }).occurredAt ?? r.recordedAt));
    const upTo = at === undefined ? recorded : recorded.filter((r) => occurred(r) <= at);
    const asOfState = foldRecorded(upTo);
    const problems = verifyChain(recorded.map((r) => ({ type: r.type, data: r.data, metadata: r.metadata as never, revision: r.revision })));
    return {
      tenantId,
      asOf: at === undefined ? null : new Date(at).toISOString(),
      chain: { valid: problems.length === 0, problems },
      events: upTo.map(publicEvent),
      state: asOfState.exists ? statusView(asOfState) : null,
    };
  }
}
