/** Bodies of the email-verification routes; unknown fields are refused like everywhere else. */
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Matches, MaxLength } from 'class-validator';

export class UseVerificationDto {
  @ApiProperty({ maxLength: 200, example: 'v1.3f0c…' })
  @IsString() @MaxLength(200) @Matches(/^[A-Za-z0-9._-]+$/, { message: 'token must be the token from the verification link' })
  token!: string;
}

export class ResendVerificationDto {
  @ApiProperty({ maxLength: 254, example: 'ada@acme.test' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsString() @MaxLength(254) @Matches(/^[^\s@]+@[^\s@]+$/, { message: 'email must be an email address' })
  email!: string;
}
