/** Query and answer shapes of the operations routes (documented for the OpenAPI contract). */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class HealthQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 168, default: 48, description: 'How many hours back the per-hour series reach' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(168)
  hours?: number;
}

export class HealthTotals {
  @ApiProperty({ type: 'integer' }) signups!: number;
  @ApiProperty({ type: 'integer' }) activations!: number;
  @ApiProperty({ type: 'integer' }) rollbacks!: number;
  @ApiProperty({ type: 'integer', description: 'TenantBroken events ever' }) brokenEvents!: number;
  @ApiProperty({ type: 'integer', description: 'Tenants Broken now' }) brokenNow!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Activated / (activated + rolled back + broken), 0..1' }) successRate!: number | null;
}

export class HealthHour {
  @ApiProperty({ format: 'date-time' }) hour!: string;
  @ApiProperty({ type: 'integer' }) signups!: number;
  @ApiProperty({ type: 'integer' }) activations!: number;
  @ApiProperty({ type: 'integer' }) rollbacks!: number;
  @ApiProperty({ type: 'integer' }) broken!: number;
  @ApiProperty({ type: Number, nullable: true }) successRate!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Signup-to-Active seconds, median of the tenants activated this hour' }) p50!: number | null;
  @ApiProperty({ type: Number, nullable: true }) p95!: number | null;
}

export class HistogramBucket {
  @ApiProperty({ type: Number, nullable: true, description: 'Upper bound in seconds; null is +Inf' }) le!: number | null;
  @ApiProperty({ type: 'integer', description: 'Tenants in this bucket (not cumulative)' }) count!: number;
}

export class SignupToActive {
  @ApiProperty({ type: 'integer' }) count!: number;
  @ApiProperty({ type: Number, nullable: true }) p50!: number | null;
  @ApiProperty({ type: Number, nullable: true }) p95!: number | null;
  @ApiProperty({ type: Number, nullable: true }) mean!: number | null;
  @ApiProperty({ type: [HistogramBucket] }) buckets!: HistogramBucket[];
}

export class FailureCount {
  @ApiProperty({ example: 'new-site' }) step!: string;
  @ApiProperty({ example: 'transient' }) classification!: string;
  @ApiProperty({ type: 'integer' }) all!: number;
  @ApiProperty({ type: 'integer', description: 'Not retried: led to a rollback' }) final!: number;
}

export class PoolSizes {
  @ApiProperty({ type: 'integer' }) ready!: number;
  @ApiProperty({ type: 'integer' }) building!: number;
  @ApiProperty({ type: 'integer' }) claimed!: number;
  @ApiProperty({ type: 'integer' }) failed!: number;
}

export class LagView {
  @ApiProperty({ type: 'integer' }) generation!: number;
  @ApiProperty({ type: 'integer' }) checkpoint!: number;
  @ApiProperty({ type: 'integer' }) head!: number;
  @ApiProperty({ type: 'integer' }) eventsBehind!: number;
  @ApiProperty() eventsBehindCapped!: boolean;
  @ApiProperty() secondsBehind!: number;
}

export class OpsHealth {
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ type: 'integer', description: 'Log position the figures are folded up to' }) checkpoint!: number;
  @ApiProperty({ type: HealthTotals }) totals!: HealthTotals;
  @ApiProperty({ type: [HealthHour], description: 'Oldest first, one per hour, empty hours included' }) hours!: HealthHour[];
  @ApiProperty({ type: SignupToActive }) signupToActive!: SignupToActive;
  @ApiProperty({ type: [FailureCount] }) failures!: FailureCount[];
  @ApiProperty({ type: PoolSizes, nullable: true, description: 'Null when the warm pool is not running' }) pool!: PoolSizes | null;
  @ApiProperty({ type: LagView, nullable: true, description: 'Null when the read model does not answer' }) lag!: LagView | null;
}

export class GenerationView {
  @ApiProperty() projection!: string;
  @ApiProperty({ type: 'integer' }) generation!: number;
  @ApiProperty({ enum: ['live', 'building'] }) state!: string;
  @ApiProperty({ type: 'integer' }) checkpoint!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class RebuildProgressView {
  @ApiProperty({ type: 'integer' }) generation!: number;
  @ApiProperty({ type: 'integer' }) resumedFrom!: number;
  @ApiProperty({ type: 'integer' }) checkpoint!: number;
  @ApiProperty({ type: 'integer' }) head!: number;
  @ApiProperty({ minimum: 0, maximum: 1 }) fraction!: number;
  @ApiProperty() etaSeconds!: number;
  @ApiProperty({ type: 'integer' }) processed!: number;
  @ApiProperty() eventsPerSecond!: number;
}

export class RebuildRunView {
  @ApiProperty({ enum: ['running', 'done', 'failed'] }) state!: string;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ description: 'The operator (X-Operator) who started it' }) startedBy!: string;
  @ApiPropertyOptional({ format: 'date-time' }) endedAt?: string;
  @ApiProperty({ type: RebuildProgressView, nullable: true }) progress!: RebuildProgressView | null;
  @ApiPropertyOptional({ type: 'integer', description: 'The generation dropped when reads switched (done)' }) retiredGeneration?: number;
  @ApiPropertyOptional() seconds?: number;
  @ApiPropertyOptional({ description: 'Why it stopped (failed)' }) error?: string;
}

export class ProjectionStatusView {
  @ApiProperty({ type: [GenerationView] }) generations!: GenerationView[];
  @ApiProperty({ type: LagView }) lag!: LagView;
  @ApiProperty({ type: RebuildRunView, nullable: true, description: 'The last rebuild this instance ran (null: none since it started)' }) rebuild!: RebuildRunView | null;
}
