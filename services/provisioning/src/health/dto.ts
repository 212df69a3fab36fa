/** The health answer (@nestjs/terminus's shape): each check by name with its outcome. */
import { ApiProperty } from '@nestjs/swagger';

const CHECKS = {
  type: 'object' as const,
  additionalProperties: { type: 'object' as const, required: ['status'], properties: { status: { type: 'string' as const, enum: ['up', 'down'] } }, additionalProperties: true },
  example: { process: { status: 'up', uptimeSeconds: 42 }, eventStore: { status: 'up', backend: 'sqlite' } },
};

export class HealthReport {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
  @ApiProperty({ ...CHECKS, description: 'The checks that are up.' }) info!: Record<string, unknown>;
  @ApiProperty({ ...CHECKS, description: 'The checks that are down (empty when the answer is 200).' }) error!: Record<string, unknown>;
  @ApiProperty({ ...CHECKS, description: 'Every check.' }) details!: Record<string, unknown>;
}
