/**
 * `GET /v1/lookup?subdomain=...|email=...`: the tenant for a subdomain or an admin email, from
 * the read model (the live holder when a released tenant had the same name). `GET
 * /v1/lookup/tenants` pages through tenants, newest first. Bearer auth like every /v1 route.
 *
 * The lookup is the hot read (bench B3): its query is checked by LookupQueryPipe instead of the
 * class-validator round, and it answers with the document's JSON serialised once per cached
 * document (a string with a JSON content type goes out as is; Fastify does not re-serialise it).
 */
import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ListQueryDto, LookupQueryDto } from './lookup.dto.js';
import { LookupQueryPipe, type LookupRequest } from './lookup-query.js';
import { LookupService } from './lookup.service.js';

@ApiTags('lookup')
@ApiBearerAuth()
@Controller('v1/lookup')
export class LookupController {
  constructor(private readonly lookup: LookupService) {}

  @Get()
  @Header('cache-control', 'no-store')
  @Header('content-type', 'application/json; charset=utf-8')
  @ApiOperation({ summary: 'Find the tenant of a subdomain or an admin email' })
  // The DTO documents the parameters; LookupQueryPipe checks them.
  @ApiQuery({ type: LookupQueryDto, required: false })
  async find(@Query(LookupQueryPipe) query: LookupRequest): Promise<string> {
    return (await this.lookup.find(query.by, query.value)).json;
  }

  @Get('tenants')
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'List tenants from the read model, newest first, filtered by status' })
  list(@Query() query: ListQueryDto) {
    return this.lookup.list({ status: query.status as never, limit: query.limit, offset: query.offset });
  }
}
