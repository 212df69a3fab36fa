/**
 * Live availability check for the signup form: `{ subdomain, available, reason? }` with reason
 * `invalid` | `reserved` | `taken`. Advisory only: the signup's reservation append decides.
 */
import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { checkSubdomain, subdomainStream } from '@tlc/tenant-events';
import { RateLimited, RateLimitGuard } from '../http/rate-limit.js';
import { SubdomainAvailability } from './dto.js';
import { ReservationsService } from './reservations.service.js';

@ApiTags('subdomains')
@ApiBearerAuth()
@Controller('v1/subdomains')
export class SubdomainsController {
  constructor(private readonly reservations: ReservationsService) {}

  @Get(':name')
  @UseGuards(RateLimitGuard)
  @RateLimited('check')
  @ApiOperation({ summary: 'Is this subdomain free to sign up with?' })
  @ApiParam({ name: 'name', description: 'Any text; only its first 64 characters are checked.', example: 'acme' })
  @ApiOkResponse({ type: SubdomainAvailability, description: 'Also for names that can never be had: `available` is false with the reason.' })
  async availability(@Param('name') name: string): Promise<SubdomainAvailability> {
    const check = checkSubdomain(name.slice(0, 64));
    if (!check.ok) {
      const reason = check.code === 'SUBDOMAIN.RESERVED' ? 'reserved' : 'invalid';
      return { subdomain: check.subdomain, available: false, reason, code: check.code, message: check.message };
    }
    const held = await this.reservations.holderOf(subdomainStream(check.subdomain), new Date().toISOString());
    if (held && (held.verdict === 'live' || held.verdict === 'pending')) {
      return { subdomain: check.subdomain, available: false, reason: 'taken', code: 'TENANT.SUBDOMAIN_TAKEN', message: `"${check.subdomain}" is already taken.` };
    }
    return { subdomain: check.subdomain, available: true };
  }
}
