/**
 * `GET /v1/lookup?subdomain=...|email=...`: the tenant for a subdomain or an admin email, from
 * the read model (the live holder when a released tenant had the same name). `GET
 * /v1/lookup/tenants` pages through tenants, newest first. Bearer auth like every /v1 route.
 */
import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError } from '../shared/domain-error.js';
import { ListQueryDto, LookupQueryDto } from './lookup.dto.js';
import { LookupService } from './lookup.service.js';

@ApiTags('lookup')
@ApiBearerAuth()
@Controller('v1/lookup')
export class LookupController {
  constructor(private readonly lookup: LookupService) {}

  @Get()
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'Find the tenant of a subdomain or an admin email' })
  find(@Query() query: LookupQueryDto) {
    const given = (['subdomain', 'email'] as const).filter((k) => query[k] !== undefined);
    if (given.length !== 1) {
      const message = 'Give exactly one of the query parameters subdomain or email.';
      throw new DomainError('VALIDATION.FAILED', message, { field: 'subdomain', errors: [{ field: 'subdomain', code: 'FIELD.EXACTLY_ONE_OF', message }] });
    }
    const by = given[0];
    return this.lookup.find(by, query[by]!);
  }

  @Get('tenants')
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'List tenants from the read model, newest first, filtered by status' })
  list(@Query() query: ListQueryDto) {
    return this.lookup.list({ status: query.status as never, limit: query.limit, offset: query.offset });
  }
}
