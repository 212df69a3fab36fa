/** Bodies of the email-verification routes; unknown fields are refused like everywhere else. */
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Matches, MaxLength } from 'class-validator';
import { TENANT_STATUS_VALUES } from '../tenants/response.dto.js';

export class UseVerificationDto {
  @ApiProperty({ maxLength: 200, example: 'v1.3f0c…' })
  @IsString()
  @MaxLength(200)
  @Matches(/^[A-Za-z0-9._-]+$/, { message: 'token must be the token from the verification link' })
  token!: string;
}

export class ResendVerificationDto {
  @ApiProperty({ maxLength: 254, example: 'ada@acme.test' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsString()
  @MaxLength(254)
  @Matches(/^[^\s@]+@[^\s@]+$/, { message: 'email must be an email address' })
  email!: string;
}

export class EmailVerified {
  @ApiProperty({ format: 'uuid' }) tenantId!: string;
  @ApiProperty({ example: 'acme' }) subdomain!: string;
  @ApiProperty({ example: 'ada@acme.test' }) email!: string;
  @ApiProperty({ enum: TENANT_STATUS_VALUES, enumName: 'TenantStatus' }) status!: string;
  @ApiProperty({ enum: [true] }) emailVerified!: true;
}

/** The same answer whatever the address, so it tells nobody which addresses have a site. */
export class ResendAccepted {
  @ApiProperty({ enum: [true] }) accepted!: true;
}
