/**
 * API secret rotation for the signed-in owner: hold the rotation in the tenant stream
 * (ApiSecretRotationStarted, through the tenant command handler at the expected revision), run
 * generate_keys for the site's Administrator (the api-keys step's user: a new secret, the key
 * stays), then record the new secret sealed with the tenant's key (ApiSecretRotated), or the
 * failure. The secret is then revealable once, through the reveal route; it never reaches an
 * answer, a log line or an event in plain text. One bench call (~1-3 s): fine for a button press.
 */
import { Inject, Injectable } from '@nestjs/common';
import { siteOnBench } from '@tlc/tenant-events';
import type { Logger } from 'pino';
import type { BenchOperations, Outcome } from '../bench/bench-operations.js';
import { BENCH_OPERATIONS } from '../bench/bench.module.js';
import type { ProvisioningConfig } from '../config/config.js';
import { CONFIG, LOGGER } from '../config/tokens.js';
import { SecretsService } from '../secrets/secrets.service.js';
import { DomainError } from '../shared/domain-error.js';
import { newId } from '../shared/ids.js';
import type { CommandMetadata, TenantCommand } from '../tenants/commands.js';
import { TenantCommandService } from '../tenants/tenant-command.service.js';
import { existsSync } from 'node:fs';
import { drivesBench } from '../bench/bench-config.js';
import { commonConfigFile } from '../bench/site-config-file.js';
import type { CredentialsOverview } from './dto.js';
import { RevealService } from './reveal.service.js';

/** The user whose keys the api-keys step issued (process-manager/step-work.ts). */
const API_USER = 'Administrator';
/** Beyond the bench call's timeout (which kills it): after this, a rotation's holder is taken for dead. */
const LEASE_GRACE_MS = 30_000;

@Injectable()
export class RotateService {
  constructor(
    @Inject(BENCH_OPERATIONS) private readonly ops: BenchOperations,
    @Inject(TenantCommandService) private readonly commands: TenantCommandService,
    @Inject(SecretsService) private readonly secrets: SecretsService,
    @Inject(RevealService) private readonly reveals: RevealService,
    @Inject(CONFIG) private readonly config: ProvisioningConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async rotate(tenantId: string, meta: CommandMetadata): Promise<CredentialsOverview> {
    // Rotation runs bench in the request. An API-only instance (main.ts checks no bench for it)
    // may have none: it says so instead of failing as if the site had.
    if (!drivesBench(this.config) && !existsSync(commonConfigFile(this.config.bench.path))) {
      throw new DomainError('CREDENTIALS.ROTATION_UNAVAILABLE', 'This instance has no bench (BENCH_PATH): API secrets are rotated by the instances that drive bench.');
    }
    const timeoutMs = this.config.pm.lightStepTimeoutMs;
    const rotationId = newId();
    const leaseExpiresAt = new Date(Date.parse(meta.now) + timeoutMs + LEASE_GRACE_MS).toISOString();
    // Refused here when not active, or while another rotation holds the stream.
    const started = await this.commands.handle({ type: 'StartApiSecretRotation', data: { tenantId, rotationId, leaseExpiresAt }, metadata: meta });
    const site = siteOnBench(started.state);
    const end = (command: Pick<TenantCommand, 'type' | 'data'>) => this.commands.handle({ ...command, metadata: { ...meta, commandId: newId(), now: new Date().toISOString() } } as TenantCommand);

    let made: Outcome<{ apiSecret: string }>;
    try {
      made = await this.ops.rotateApiSecret(site, API_USER, timeoutMs);
    } catch (e) {
      await end({ type: 'RecordApiSecretRotationFailed', data: { tenantId, rotationId, reason: 'the rotation could not be started on the bench' } });
      throw e;
    }
    if (!made.ok) {
      this.logger.warn({ msg: 'api secret rotation failed', tenantId, correlationId: meta.correlationId, reason: made.result.reason, classification: made.result.classification });
      await end({ type: 'RecordApiSecretRotationFailed', data: { tenantId, rotationId, reason: made.result.reason } });
      throw new DomainError('CREDENTIALS.ROTATION_FAILED', 'The site did not make a new API secret; the one shown before may still work. Try again in a moment.', { field: 'credential' });
    }
    let sealed;
    try {
      sealed = await this.secrets.seal(tenantId, made.value.apiSecret, { existingKeyOnly: true });
    } catch (e) {
      await end({ type: 'RecordApiSecretRotationFailed', data: { tenantId, rotationId, reason: 'the new secret could not be sealed' } });
      throw e;
    }
    await end({ type: 'RecordApiSecretRotated', data: { tenantId, rotationId, apiSecret: sealed, durationMs: made.result.durationMs } });
    this.logger.info({ msg: 'api secret rotated', tenantId, correlationId: meta.correlationId, durationMs: made.result.durationMs });
    return this.reveals.overview(tenantId);
  }
}
