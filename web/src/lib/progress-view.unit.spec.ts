import { etaSeconds, toProgressView } from './progress-view';

const status = {
  tenantId: 't1', subdomain: 'acme', organization: 'Acme', status: 'Provisioning', createdAt: '2026-01-01T00:00:00.000Z',
  steps: [
    { key: 'new-site', step: 'new-site', status: 'succeeded', startedAt: '2026-01-01T00:00:00.000Z', durationMs: 2000 },
    { step: 'install-app', app: 'erpnext', status: 'running', startedAt: '2026-01-01T00:00:02.000Z' },
    { key: 'api-keys', status: 'pending' },
  ],
};

describe('toProgressView', () => {
  it('names steps in words and keeps their state', () => {
    const v = toProgressView(status)!;
    expect(v.steps.map((s) => [s.key, s.label, s.state])).toEqual([
      ['new-site', 'Create your site and its database', 'succeeded'],
      ['install-app:erpnext', 'Install ERPNext', 'running'],
      ['api-keys', 'Issue your API keys', 'pending'],
    ]);
    expect(v.startedAt).toBe('2026-01-01T00:00:00.000Z');
  });

  it('unwraps a snapshot and reads the last error in words', () => {
    const v = toProgressView({ tenant: { ...status, status: 'RolledBack', lastError: { reason: 'Installing ERPNext failed.' } } })!;
    expect(v.status).toBe('RolledBack');
    expect(v.lastError).toBe('Installing ERPNext failed.');
  });

  it('is null for anything that is not a status', () => {
    expect(toProgressView({ type: 'SiteCreated', data: {} })).toBeNull();
    expect(toProgressView('x')).toBeNull();
  });
});

describe('etaSeconds', () => {
  const v = toProgressView(status)!;
  it('sums past medians of the remaining steps, minus time already spent on the running one', () => {
    const now = Date.parse('2026-01-01T00:00:05.000Z');
    expect(etaSeconds(v, { 'install-app:erpnext': 10_000, 'api-keys': 1000 }, now)).toBe(8);
  });
  it('gives no estimate without history', () => {
    expect(etaSeconds(v, {}, Date.now())).toBeUndefined();
  });
});
