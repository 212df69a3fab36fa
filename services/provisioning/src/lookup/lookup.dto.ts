/** Query strings of the lookup routes; unknown parameters are refused like unknown body fields. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { STEP_NAMES, STEP_STATUSES } from '../tenants/response.dto.js';

import { TENANT_STATUSES } from '@tlc/tenant-events';

export { TENANT_STATUSES };

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
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : value,
  )
  @IsArray()
  @ArrayMaxSize(TENANT_STATUSES.length)
  @IsIn(TENANT_STATUSES, { each: true })
  status?: string[];

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}

/** One step in the read model (the API's status view words it; this is the raw record). */
export class LookupStep {
  @ApiProperty({ example: 'install-app:erpnext' }) key!: string;
  @ApiProperty({ enum: STEP_NAMES, enumName: 'StepName' }) step!: string;
  @ApiProperty({ type: String, nullable: true }) app!: string | null;
  @ApiProperty({ enum: STEP_STATUSES, enumName: 'StepStatus' }) status!: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) attempts!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) endedAt!: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) durationMs!: number | null;
}

/** The tenant lookup read model's document (projections/tenant-lookup), as GET /v1/lookup answers it. */
export class TenantLookup {
  @ApiProperty({ format: 'uuid' }) tenantId!: string;
  @ApiProperty({ example: 'acme' }) subdomain!: string;
  @ApiProperty({ example: 'Acme Ltd' }) organization!: string;
  @ApiProperty({ description: 'Trimmed and lower-cased.', example: 'ada@acme.test' }) adminEmail!: string;
  @ApiProperty({ enum: TENANT_STATUSES, enumName: 'TenantStatus' }) status!: string;
  @ApiProperty({ type: [LookupStep] }) steps!: LookupStep[];
  @ApiProperty({ type: String, nullable: true, example: 'https://acme.example.com' }) siteUrl!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) activatedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;
  @ApiProperty() suspended!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'The pre-built site this tenant took, if any.' }) standbySite!: string | null;
  @ApiPropertyOptional({ description: 'False while a password signup has not used its email link; absent on documents folded before it existed (read as true).' })
  emailVerified?: boolean;
  @ApiProperty({ description: 'True once the tenant gave its subdomain and email back (rolled back or deprovisioned).' }) released!: boolean;
  @ApiProperty({ type: 'integer' }) revision!: number;
  @ApiProperty({ type: 'integer' }) position!: number;
}

export class TenantLookupPage {
  @ApiProperty({ type: [TenantLookup] }) items!: TenantLookup[];
  @ApiProperty({ type: 'integer', minimum: 0 }) total!: number;
  @ApiProperty({ type: 'integer', minimum: 1 }) limit!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) offset!: number;
}
