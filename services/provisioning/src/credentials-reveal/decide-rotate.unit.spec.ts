import type { RecordedEvent } from '@tlc/event-store';
import { evolve, initialTenantState, type SealedSecret, type TenantEvent, type TenantState } from '@tlc/tenant-events';
import type { RecordApiSecretRotated, StartApiSecretRotation } from '../tenants/commands.js';
import { decideRotationEnd, decideRotationStart } from './decide-rotate.js';
import { sealedValue } from './reveal.service.js';
import { codeOf } from '../test-support/raw-rows.js';

const NOW = '2026-01-01T00:00:00.000Z';
const later = (s: number) => new Date(Date.parse(NOW) + s * 1000).toISOString();
const active: TenantState = { ...initialTenantState, exists: true, tenantId: 't1', status: 'Active', apiKey: 'k1', revealed: ['api-secret'] };
const metadata = (now = NOW) => ({ commandId: 'c', correlationId: 'c', causationId: 'c', actor: { kind: 'user' as const, id: 'u' }, now });
const start = (rotationId: string, now = NOW): StartApiSecretRotation => ({ type: 'StartApiSecretRotation', data: { tenantId: 't1', rotationId, leaseExpiresAt: later(60) }, metadata: metadata(now) });
const sealed = { alg: 'A256GCM', keyId: 'tenant-t1', iv: 'i', tag: 't', ciphertext: 'new' } as SealedSecret;
const done = (rotationId: string): RecordApiSecretRotated => ({ type: 'RecordApiSecretRotated', data: { tenantId: 't1', rotationId, apiSecret: sealed, durationMs: 5 }, metadata: metadata() });
const apply = (s: TenantState, drafts: { type: string; data: unknown }[]) => drafts.reduce((x, d) => evolve(x, { ...d, metadata: { occurredAt: NOW } } as unknown as TenantEvent), s);

describe('decideRotation', () => {
  it('holds the rotation from start to end; the new secret is unrevealed again', () => {
    const started = apply(active, decideRotationStart(start('r1'), active));
    expect(started.apiSecretRotation).toEqual({ rotationId: 'r1', leaseExpiresAt: later(60) });
    expect(codeOf(() => decideRotationStart(start('r2'), started))).toBe('CREDENTIALS.ROTATION_IN_PROGRESS');
    const rotated = apply(started, decideRotationEnd(done('r1'), started));
    expect(rotated).toMatchObject({ apiSecretRotation: undefined, revealed: [] });
    expect(decideRotationStart(start('r2'), rotated)).toHaveLength(1);
  });

  it('lets a rotation whose holder died be taken over, and refuses the late end of the old one', () => {
    const started = apply(active, decideRotationStart(start('r1'), active));
    const takenOver = apply(started, decideRotationStart(start('r2', later(61)), started));
    expect(takenOver.apiSecretRotation?.rotationId).toBe('r2');
    expect(codeOf(() => decideRotationEnd(done('r1'), takenOver))).toBe('CREDENTIALS.ROTATION_FAILED');
    expect(decideRotationEnd(done('r2'), takenOver)).toEqual([{ type: 'ApiSecretRotated', data: { tenantId: 't1', rotationId: 'r2', apiSecret: sealed, durationMs: 5 } }]);
  });

  it('records no new secret for a tenant that started leaving while bench ran; a failure still ends the hold', () => {
    const started = apply(active, decideRotationStart(start('r1'), active));
    const leaving = { ...started, status: 'Deprovisioning' as const };
    expect(codeOf(() => decideRotationEnd(done('r1'), leaving))).toBe('TENANT.NOT_ACTIVE');
    const failed = { type: 'RecordApiSecretRotationFailed' as const, data: { tenantId: 't1', rotationId: 'r1', reason: 'gone' }, metadata: metadata() };
    expect(decideRotationEnd(failed, leaving)).toEqual([{ type: 'ApiSecretRotationFailed', data: { tenantId: 't1', rotationId: 'r1', reason: 'gone' } }]);
  });

  it('refuses a tenant that is not active, or has no key yet', () => {
    expect(codeOf(() => decideRotationStart(start('r1'), { ...active, status: 'Suspended' }))).toBe('TENANT.NOT_ACTIVE');
    expect(codeOf(() => decideRotationStart(start('r1'), { ...active, apiKey: undefined }))).toBe('CREDENTIALS.NOT_AVAILABLE');
  });

  it('reveals the secret of the latest issuing event before a given revision', () => {
    const at = (revision: number, type: string, ciphertext?: string) =>
      ({ revision, type, eventId: `e${revision}`, data: ciphertext ? { apiSecret: { ciphertext } } : {} }) as unknown as RecordedEvent;
    const recorded = [at(0, 'ApiKeysIssued', 'first'), at(1, 'ApiSecretRotationStarted'), at(2, 'ApiSecretRotated', 'second'), at(3, 'CredentialRevealed')];
    expect(sealedValue(recorded, 'api-secret')?.ciphertext).toBe('second');
    expect(sealedValue(recorded, 'api-secret', 2)?.ciphertext).toBe('first');
  });
});
