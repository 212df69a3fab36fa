/** Answers of the reveal routes. A revealed value is in exactly one answer, ever. */
import { ApiProperty } from '@nestjs/swagger';

export const CREDENTIALS = ['api-secret', 'admin-password'] as const;
export const CREDENTIAL_STATES = ['not-issued', 'available', 'revealed'] as const;
export type CredentialStateName = (typeof CREDENTIAL_STATES)[number];

/** What the dashboard may offer: which credentials can still be shown. Never a value. */
export class CredentialsOverview {
  @ApiProperty({ format: 'uuid' }) tenantId!: string;
  @ApiProperty({ description: 'Who signs in to the ERPNext desk (the admin email).', example: 'ada@acme.test' }) deskLogin!: string;
  @ApiProperty({ enum: ['password', 'google'], description: 'password: the desk password is the one chosen at signup; google: one was generated (see adminPassword).' })
  identityProvider!: 'password' | 'google';
  @ApiProperty({ type: String, nullable: true, description: 'The API key (not secret); null until issued.' }) apiKey!: string | null;
  @ApiProperty({ enum: CREDENTIAL_STATES, description: 'available: can be shown once; revealed: was shown, rotate for a new one.' }) apiSecret!: CredentialStateName;
  @ApiProperty({ enum: CREDENTIAL_STATES, description: 'The generated desk password of a Google sign-up; not-issued for password sign-ups.' }) adminPassword!: CredentialStateName;
}

export class RevealedApiSecret {
  @ApiProperty({ enum: ['api-secret'] }) credential!: 'api-secret';
  @ApiProperty() apiKey!: string;
  @ApiProperty({ description: 'Shown this once; a second reveal answers 409 CREDENTIALS.ALREADY_REVEALED.' }) apiSecret!: string;
}

export class RevealedAdminPassword {
  @ApiProperty({ enum: ['admin-password'] }) credential!: 'admin-password';
  @ApiProperty({ example: 'ada@acme.test' }) login!: string;
  @ApiProperty({ description: 'Shown this once; a second reveal answers 409 CREDENTIALS.ALREADY_REVEALED.' }) password!: string;
}
