/**
 * Request bodies. Limits come from the issue: organization 1-140 characters, email per RFC 5321
 * lengths (local part 64, whole address 254) and lower-cased, password at least 10 characters.
 * Unknown fields are refused (forbidNonWhitelisted) rather than silently dropped.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, Length, Matches, MaxLength, MinLength, ValidateIf, registerDecorator, type ValidationOptions } from 'class-validator';

/** No control, format (zero-width, bidi override) or line-separator characters. */
export const PRINTABLE = /^[^\p{Cc}\p{Cf}\p{Zl}\p{Zp}]*$/u;

const trimLower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

function LocalPartAtMost64(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'localPartAtMost64',
      target: object.constructor,
      propertyName,
      options,
      validator: { validate: (v: unknown) => typeof v === 'string' && v.lastIndexOf('@') <= 64 },
      constraints: [],
    });
}

export class CreateTenantDto {
  @ApiProperty({ minLength: 1, maxLength: 140, example: 'Acme Ltd' })
  @Transform(trim)
  @IsString()
  @Length(1, 140)
  @Matches(PRINTABLE, { message: 'organization must not contain control or invisible characters' })
  organization!: string;

  @ApiProperty({ minLength: 3, maxLength: 32, example: 'acme' })
  @Transform(trimLower)
  @IsString()
  @Length(1, 63)
  subdomain!: string;

  @ApiProperty({ maxLength: 254, example: 'ada@acme.test' })
  @Transform(trimLower)
  @IsString()
  @MaxLength(254)
  @LocalPartAtMost64({ message: 'adminEmail must have at most 64 characters before the @' })
  // A conservative local part (letters, digits, . _ % + - ') and ASCII only: RFC 5322 allows
  // $ { } ` | & in addresses, but this one ends up as a bench argument and in logs, and
  // validator's FQDN check lets zero-width and other invisible characters through.
  @Matches(/^[a-z0-9._%+'-]+@[\x21-\x7e]+$/, { message: "adminEmail may use only letters, digits and . _ % + - ' before the @, and ASCII after it" })
  @IsEmail({ allow_utf8_local_part: false, allow_ip_domain: false, require_tld: true }, { message: 'adminEmail must be an email address' })
  adminEmail!: string;

  @ApiPropertyOptional({ minLength: 10, maxLength: 256, writeOnly: true, description: 'Required unless identityProvider is "google".' })
  // A Google signup must not carry a password: the `Equals(undefined)` branch is checked in the controller.
  @ValidateIf((o: CreateTenantDto) => o.identityProvider !== 'google')
  @IsString()
  @MinLength(10)
  @MaxLength(256)
  @Matches(PRINTABLE, { message: 'adminPassword must not contain control or invisible characters' })
  adminPassword?: string;

  @ApiPropertyOptional({ enum: ['password', 'google'], default: 'password' })
  @IsOptional()
  @IsIn(['password', 'google'])
  identityProvider?: 'password' | 'google';
}

export class ReasonDto {
  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 500)
  @Matches(PRINTABLE)
  reason?: string;
}

export class VerifyCredentialsDto {
  @ApiProperty({ maxLength: 254 })
  @Transform(trimLower)
  @IsString()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ maxLength: 256, writeOnly: true })
  @IsString()
  @MaxLength(256)
  password!: string;
}
