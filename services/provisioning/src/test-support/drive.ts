/**
 * Plays the process manager in integration specs: dispatches StartStep / RecordStep* through
 * the app's CommandBus, as the real one does.
 */
import { randomUUID } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import { planSteps, type StepRef } from '@tlc/tenant-events';
import type { ProvisioningApp } from '../bootstrap.js';
import type { StepResult, TenantCommand } from '../tenants/commands.js';
import { ExecuteTenantCommand } from '../tenants/tenant-command.handler.js';
import type { TenantCommandResult } from '../tenants/tenant-command.service.js';
import { SecretsService } from '../secrets/secrets.service.js';

type Data<T extends TenantCommand['type']> = Extract<TenantCommand, { type: T }>['data'];

export function driver(service: ProvisioningApp) {
  const bus = service.app.get(CommandBus);
  const secrets = service.app.get(SecretsService);
  const meta = () => ({
    commandId: randomUUID(),
    correlationId: 'pm-test',
    causationId: 'pm-test',
    actor: { kind: 'system' as const, id: 'process-manager-test' },
    now: new Date().toISOString(),
  });
  const send = <T extends TenantCommand['type']>(type: T, data: Data<T>): Promise<TenantCommandResult> => bus.execute(new ExecuteTenantCommand({ type, data, metadata: meta() } as TenantCommand));
  const lease = () => new Date(Date.now() + 60_000).toISOString();

  async function start(tenantId: string, ref: StepRef, attempt = 1) {
    return send('StartStep', { tenantId, ...ref, attempt, runnerId: 'runner-test', leaseExpiresAt: lease() });
  }
  async function succeed(tenantId: string, ref: StepRef, result: Record<string, unknown>, attempt = 1) {
    await start(tenantId, ref, attempt);
    return send('RecordStepSucceeded', { tenantId, ...ref, attempt, durationMs: 12, result: { step: ref.step, ...result } as StepResult });
  }
  async function resultFor(tenantId: string, ref: StepRef): Promise<Record<string, unknown>> {
    switch (ref.step) {
      case 'new-site':
        return { dbName: `_${tenantId.slice(0, 8)}` };
      case 'api-keys':
        return { apiKey: 'key-' + tenantId.slice(0, 8), apiSecret: await secrets.seal(tenantId, API_SECRET_PLAINTEXT) };
      case 'set-host-name':
        return { hostName: 'h.example.localhost', siteUrl: 'http://h.example.localhost:8000' };
      default:
        return {};
    }
  }
  return {
    send,
    start,
    succeed,
    /** Every planned step succeeds: the tenant ends Active. */
    async activate(tenantId: string, apps = ['erpnext']) {
      let last: TenantCommandResult | undefined;
      for (const ref of planSteps(apps)) last = await succeed(tenantId, ref, await resultFor(tenantId, ref));
      return last!;
    },
    /** new-site starts and fails for good: the tenant is RollingBack. */
    async failNewSite(tenantId: string) {
      await start(tenantId, { step: 'new-site' });
      return send('RecordStepFailed', {
        tenantId,
        step: 'new-site',
        attempt: 1,
        classification: 'permanent',
        exitCode: 1,
        reason: 'The database server refused the connection.',
        stderrTail: 'pymysql.err.OperationalError',
        willRetry: false,
        durationMs: 30,
      });
    },
    dropSite(tenantId: string) {
      return succeed(tenantId, { step: 'drop-site' }, {});
    },
  };
}

/** The API secret the fake api-keys step seals: specs check it appears nowhere in plain text. */
export const API_SECRET_PLAINTEXT = 'frappe-api-secret-5f0c1e9a7b3d';
