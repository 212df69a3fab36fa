import { evolve, initialTenantState, type TenantEvent, type TenantState } from '@tlc/tenant-events';
import type { RevealCredential } from '../tenants/commands.js';
import { decideReveal } from './decide-reveal.js';
import { codeOf } from '../test-support/raw-rows.js';

const active: TenantState = { ...initialTenantState, exists: true, tenantId: 't1', status: 'Active', apiKey: 'k1', identityProvider: 'google' };
const ask = (credential: RevealCredential['data']['credential']): RevealCredential => ({
  type: 'RevealCredential',
  data: { tenantId: 't1', credential },
  metadata: { commandId: 'c', correlationId: 'c', causationId: 'c', actor: { kind: 'user', id: 'u' }, now: '2026-01-01T00:00:00Z' },
});
const apply = (s: TenantState, type: string, data: Record<string, unknown>) =>
  evolve(s, { type, data: { tenantId: 't1', ...data }, metadata: { occurredAt: '2026-01-01T00:00:00Z' } } as unknown as TenantEvent);

describe('decideReveal', () => {
  it('shows each credential once; a newly issued value can be shown again', () => {
    expect(decideReveal(ask('api-secret'), active)).toEqual([{ type: 'CredentialRevealed', data: { tenantId: 't1', credential: 'api-secret' } }]);
    const shown = apply(active, 'CredentialRevealed', { credential: 'api-secret' });
    expect(codeOf(() => decideReveal(ask('api-secret'), shown))).toBe('CREDENTIALS.ALREADY_REVEALED');
    expect(decideReveal(ask('admin-password'), shown)).toHaveLength(1);
    const rotated = apply(shown, 'ApiKeysIssued', { apiKey: 'k2', apiSecret: {}, durationMs: 1 });
    expect(decideReveal(ask('api-secret'), rotated)).toHaveLength(1);
  });

  it("refuses while not active, a password sign-up's own password, and keys not issued", () => {
    expect(codeOf(() => decideReveal(ask('api-secret'), { ...active, status: 'Provisioning' }))).toBe('CREDENTIALS.NOT_AVAILABLE');
    expect(codeOf(() => decideReveal(ask('admin-password'), { ...active, identityProvider: 'password' }))).toBe('CREDENTIALS.NOT_AVAILABLE');
    expect(codeOf(() => decideReveal(ask('api-secret'), { ...active, apiKey: undefined }))).toBe('CREDENTIALS.NOT_AVAILABLE');
  });
});
