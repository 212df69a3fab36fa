/** Query strings of the lookup routes; unknown parameters are refused like unknown body fields. */
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

export const TENANT_STATUSES = ['Requested', 'Provisioning', 'Active', 'Failed', 'RollingBack', 'RolledBack', 'Broken', 'Suspended', 'Deprovisioning', 'Deprovisioned'] as const;

/** Documentation only: parseLookupQuery (lookup-query.ts) checks this query by hand. */
export class LookupQueryDto {
  @ApiPropertyOptional({ description: 'Subdomain (case-insensitive); give this or email', example: 'acme', minLength: 1, maxLength: 63 })
  subdomain?: string;

  @ApiPropertyOptional({ description: 'Admin email (case-insensitive); give this or subdomain', example: 'admin@acme.test', minLength: 3, maxLength: 254 })
  email?: string;
}

export class ListQueryDto {
  @ApiPropertyOptional({ isArray: true, enum: TENANT_STATUSES, description: 'Repeat the parameter or separate with commas' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : value))
  @IsArray() @ArrayMaxSize(TENANT_STATUSES.length) @IsIn(TENANT_STATUSES, { each: true })
  status?: string[];

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  offset?: number;
}
