/**
 * `GET /v1/lookup?subdomain=...|email=...`: the tenant for a subdomain or an admin email, from
 * the read model (the live holder when a released tenant had the same name). `GET
 * /v1/lookup/tenants` pages through tenants, newest first. Bearer auth like every /v1 route.
 *
 * The lookup is the hot read (bench B3). It takes the raw request (`@Req()` is not pipeable, so
 * neither the global ValidationPipe nor Nest's pipe chain runs for it) and checks the query with
 * parseLookupQuery, which keeps the pipe's codes and messages. It answers with the document's
 * JSON serialised once per cached document (a string with a JSON content type goes out as is;
 * Fastify does not re-serialise it).
 */
import { Controller, Get, Header, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { ListPage } from '@tlc/tenant-lookup';
import type { FastifyRequest } from 'fastify';
import { ApiAnswerHeaders } from '../http/openapi/document.js';
import { ApiProblems } from '../http/openapi/problems.js';
import { ListQueryDto, LookupQueryDto, TenantLookup, TenantLookupPage } from './lookup.dto.js';
import { parseLookupQuery } from './lookup-query.js';
import { LookupService } from './lookup.service.js';

const NO_STORE = { 'Cache-Control': { required: true, schema: { type: 'string' as const, enum: ['no-store'] } } };
/** @Header runs before the handler: its errors (400, 404, 503) carry it too. */
const AnswerNoStore = () => ApiAnswerHeaders(NO_STORE);

@ApiTags('lookup')
@ApiBearerAuth()
@Controller('v1/lookup')
export class LookupController {
  constructor(private readonly lookup: LookupService) {}

  @Get()
  @Header('cache-control', 'no-store')
  @Header('content-type', 'application/json; charset=utf-8')
  @ApiOperation({ summary: 'Find the tenant of a subdomain or an admin email' })
  // The DTO documents the parameters; parseLookupQuery checks them.
  @ApiQuery({ type: LookupQueryDto, required: false })
  @ApiOkResponse({ type: TenantLookup, headers: NO_STORE })
  @AnswerNoStore()
  @ApiProblems('VALIDATION.FAILED', 'TENANT.NOT_FOUND', 'SERVICE.UNAVAILABLE')
  find(@Req() req: FastifyRequest): Promise<string> {
    const { by, value } = parseLookupQuery(req.query as Record<string, unknown> | undefined);
    return this.lookup.findJson(by, value);
  }

  @Get('tenants')
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'List tenants from the read model, newest first, filtered by status' })
  @ApiOkResponse({ type: TenantLookupPage, headers: NO_STORE })
  @AnswerNoStore()
  @ApiProblems('VALIDATION.FAILED', 'SERVICE.UNAVAILABLE')
  list(@Query() query: ListQueryDto): Promise<ListPage> {
    return this.lookup.list({ status: query.status as never, limit: query.limit, offset: query.offset });
  }
}
