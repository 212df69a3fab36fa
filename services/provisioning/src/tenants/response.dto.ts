/**
 * What the tenant routes answer, as classes the OpenAPI document is generated from
 * (http/openapi). The controllers declare these as their return types, so a field the code
 * stops sending fails the build, and the HTTP specs validate every answer against the document,
 * so a field the code adds without saying so here fails them.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TENANT_EVENT_TYPES, TENANT_STATUSES, type FailureClass, type StepName, type StepStatus } from '@tlc/tenant-events';

export const TENANT_STATUS_VALUES = TENANT_STATUSES;
/** `queued`: signed up and waiting for a provisioning slot; otherwise the status in lower case. */
export const PHASES = ['queued', ...TENANT_STATUS_VALUES.map((s) => s.toLowerCase())];
export const STEP_NAMES = ['new-site', 'install-app', 'add-system-manager', 'api-keys', 'set-host-name', 'drop-site'] as const satisfies readonly StepName[];
export const STEP_STATUSES = ['pending', 'running', 'succeeded', 'failed'] as const satisfies readonly StepStatus[];
export const FAILURE_CLASSES = ['transient', 'permanent', 'timeout', 'configuration'] as const satisfies readonly FailureClass[];

const instant = (description?: string) => ({ type: String, format: 'date-time', ...(description ? { description } : {}) });
const nullableInstant = (description?: string) => ({ ...instant(description), nullable: true as const });

export class TenantLinks {
  @ApiProperty({ example: '/v1/tenants/0b7e6c1e-3a52-4c1e-9d4b-0f5a8e9c2d11' }) self!: string;
  @ApiProperty({ example: '/v1/tenants/0b7e6c1e-3a52-4c1e-9d4b-0f5a8e9c2d11/events' }) events!: string;
  @ApiProperty({ example: '/v1/tenants/0b7e6c1e-3a52-4c1e-9d4b-0f5a8e9c2d11/history' }) history!: string;
}

export class StepRef {
  @ApiProperty({ enum: STEP_NAMES, enumName: 'StepName' }) step!: StepName;
  @ApiPropertyOptional({ description: 'Only for install-app.', example: 'erpnext' }) app?: string;
}

export class StepView {
  @ApiProperty({ example: 'install-app:erpnext' }) key!: string;
  @ApiProperty({ enum: STEP_NAMES, enumName: 'StepName' }) step!: StepName;
  @ApiPropertyOptional({ description: 'Only for install-app.' }) app?: string;
  @ApiProperty({ description: 'The step in words for people.', example: 'Installing erpnext' }) label!: string;
  @ApiProperty({ enum: STEP_STATUSES, enumName: 'StepStatus' }) status!: StepStatus;
  @ApiProperty({ type: 'integer', minimum: 0 }) attempts!: number;
  @ApiProperty(nullableInstant()) startedAt!: string | null;
  @ApiProperty(nullableInstant()) endedAt!: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Time spent in bench on the last attempt.' }) durationMs!: number | null;
}

export class RunningStepView {
  @ApiProperty() key!: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) attempt!: number;
  @ApiProperty(instant()) startedAt!: string;
}

export class LastError {
  @ApiProperty({ type: StepRef }) step!: StepRef;
  @ApiProperty({ description: 'A sentence for people.', example: 'Installing erpnext failed: bench exited with 1.' }) message!: string;
  @ApiProperty({ enum: FAILURE_CLASSES, enumName: 'FailureClass' }) classification!: string;
  @ApiProperty(instant()) at!: string;
}

/** The tenant as the API shows it: never a secret, sealed or hashed. */
export class TenantStatusView {
  @ApiProperty({ format: 'uuid' }) tenantId!: string;
  @ApiProperty({ example: 'Acme Ltd' }) organization!: string;
  @ApiProperty({ example: 'acme' }) subdomain!: string;
  @ApiProperty({ example: 'acme.example.com' }) siteName!: string;
  // string, not TenantStatus: the folded state's type also allows 'None' (no tenant), which no answer shows.
  @ApiProperty({ enum: TENANT_STATUS_VALUES, enumName: 'TenantStatus' }) status!: string;
  @ApiProperty({ enum: PHASES, description: '`queued` while waiting for a provisioning slot, else the status in lower case.' }) phase!: string;
  @ApiProperty({ type: [StepView] }) steps!: StepView[];
  @ApiProperty({ type: RunningStepView, nullable: true, description: 'The earliest-started step still running.' }) running!: RunningStepView | null;
  @ApiProperty({ type: [RunningStepView], description: 'Every step running now (the last steps run side by side).' }) runningSteps!: RunningStepView[];
  @ApiProperty({ type: String, nullable: true, description: 'Set while Active or Suspended.', example: 'https://acme.example.com' }) siteUrl!: string | null;
  @ApiProperty({ type: LastError, nullable: true }) lastError!: LastError | null;
  @ApiProperty({ type: 'integer', minimum: 1 }) provisioningAttempt!: number;
  @ApiProperty(nullableInstant()) createdAt!: string | null;
  @ApiProperty(nullableInstant()) activatedAt!: string | null;
  @ApiProperty(nullableInstant()) updatedAt!: string | null;
  @ApiProperty({ type: 'integer', description: 'The tenant stream revision this view reflects.' }) revision!: number;
  @ApiProperty({ type: TenantLinks }) links!: TenantLinks;
}

export class TenantCommandResult extends TenantStatusView {
  @ApiProperty({ enum: TENANT_EVENT_TYPES, enumName: 'TenantEventType', isArray: true, description: 'The events this command appended (none when it changed nothing).' })
  appended!: string[];
}

export class SignupAccepted {
  @ApiProperty({ format: 'uuid' }) tenantId!: string;
  @ApiProperty({ example: 'acme' }) subdomain!: string;
  // string, not TenantStatus: the folded state's type also allows 'None' (no tenant), which no answer shows.
  @ApiProperty({ enum: TENANT_STATUS_VALUES, enumName: 'TenantStatus' }) status!: string;
  @ApiProperty({ type: TenantLinks }) links!: TenantLinks;
}

export class Actor {
  @ApiProperty({ enum: ['user', 'operator', 'system'] }) kind!: 'user' | 'operator' | 'system';
  @ApiProperty({ example: 'email-sha256:9f86d0…' }) id!: string;
  @ApiPropertyOptional({ description: 'Only on events recorded before addresses were dropped from metadata.' }) ip?: string;
}

export class EventMetadata {
  @ApiProperty() eventId!: string;
  @ApiProperty() correlationId!: string;
  @ApiProperty() causationId!: string;
  @ApiProperty({ type: Actor }) actor!: Actor;
  @ApiProperty(instant()) occurredAt!: string;
  @ApiProperty({ type: 'integer' }) schemaVersion!: number;
  @ApiProperty({ pattern: '^[0-9a-f]{64}$' }) prevHash!: string;
  @ApiProperty({ pattern: '^[0-9a-f]{64}$' }) hash!: string;
}

export class PublicTenantEvent {
  @ApiProperty({ type: 'integer' }) revision!: number;
  @ApiProperty({ type: 'integer', description: 'Position in the whole log.' }) position!: number;
  @ApiProperty({ enum: TENANT_EVENT_TYPES, enumName: 'TenantEventType' }) type!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: "The event's data; sealed secrets and hashes read `[redacted]`." }) data!: unknown;
  @ApiProperty({ type: EventMetadata }) metadata!: unknown;
  @ApiProperty(instant()) recordedAt!: string;
}

export class ChainProblem {
  @ApiProperty({ enum: ['edited', 'removed', 'inserted', 'reordered', 'missing-metadata'] }) kind!: string;
  @ApiProperty({ type: 'integer' }) revision!: number;
  @ApiProperty() message!: string;
}

export class ChainVerdict {
  @ApiProperty() valid!: boolean;
  @ApiProperty({ type: [ChainProblem] }) problems!: ChainProblem[];
}

export class TenantHistory {
  @ApiProperty({ format: 'uuid' }) tenantId!: string;
  @ApiProperty(nullableInstant('The instant asked for; null for now.')) asOf!: string | null;
  @ApiProperty({ type: ChainVerdict }) chain!: ChainVerdict;
  @ApiProperty({ type: [PublicTenantEvent], description: 'Every event up to asOf.' }) events!: PublicTenantEvent[];
  @ApiProperty({ type: TenantStatusView, nullable: true, description: 'Null when the tenant did not exist yet at asOf.' }) state!: TenantStatusView | null;
}

export class CredentialsVerified {
  @ApiProperty({ format: 'uuid' }) tenantId!: string;
  @ApiProperty() subdomain!: string;
  // string, not TenantStatus: the folded state's type also allows 'None' (no tenant), which no answer shows.
  @ApiProperty({ enum: TENANT_STATUS_VALUES, enumName: 'TenantStatus' }) status!: string;
}
