/** The answer of the advisory subdomain check (GET /v1/subdomains/{name}). */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SUBDOMAIN_CODES } from '../http/openapi/problems.js';

export const UNAVAILABLE_REASONS = ['invalid', 'reserved', 'taken'] as const;

export class SubdomainAvailability {
  @ApiProperty({ description: 'The name as it was checked: trimmed, lower-cased, at most 64 characters.', example: 'acme' }) subdomain!: string;
  @ApiProperty() available!: boolean;
  @ApiPropertyOptional({ enum: UNAVAILABLE_REASONS, description: 'Only when not available.' }) reason?: (typeof UNAVAILABLE_REASONS)[number];
  @ApiPropertyOptional({ enum: [...SUBDOMAIN_CODES, 'TENANT.SUBDOMAIN_TAKEN'], description: 'Only when not available: the code a signup with it would answer.' }) code?: string;
  @ApiPropertyOptional({ description: 'Only when not available: why, for people.' }) message?: string;
}
