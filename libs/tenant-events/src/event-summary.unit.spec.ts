import { failureDetail, summarizeEvent } from './event-summary.js';
import type { TenantEvent } from './events.js';

const meta = {} as TenantEvent['metadata'];

describe('summarizeEvent', () => {
  it('names the step, class, exit code and retry time of a failure', () => {
    const e = {
      type: 'StepFailed',
      metadata: meta,
      data: {
        tenantId: 't',
        step: 'install-app',
        app: 'erpnext',
        attempt: 2,
        classification: 'transient',
        exitCode: 1,
        reason: 'MariaDB went away',
        stderrTail: 'Traceback\nOperationalError',
        willRetry: true,
        retryAt: '2026-12-04T10:00:00Z',
        durationMs: 10,
      },
    } as unknown as TenantEvent;
    expect(summarizeEvent(e)).toBe('install-app:erpnext failed (transient, exit 1): MariaDB went away; retry at 2026-12-04T10:00:00Z');
    expect(failureDetail(e)).toEqual({ reason: 'MariaDB went away', output: 'Traceback\nOperationalError' });
  });

  it('never prints the sealed API secret', () => {
    const e = { type: 'ApiKeysIssued', metadata: meta, data: { tenantId: 't', apiKey: 'k', apiSecret: { ciphertext: 'SEALED' }, durationMs: 5 } } as unknown as TenantEvent;
    expect(summarizeEvent(e)).toBe('API keys issued (secret sealed) in 5 ms');
    expect(summarizeEvent(e)).not.toContain('SEALED');
    expect(failureDetail(e)).toBeNull();
  });
});
