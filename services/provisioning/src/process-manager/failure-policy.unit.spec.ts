import { failurePolicy } from './failure-policy.js';

describe('failurePolicy', () => {
  it('rolls back permanent failures and retries transient ones and timeouts up to the limit', () => {
    expect(failurePolicy('permanent', 1, 5)).toEqual({ willRetry: false, loud: false });
    expect(failurePolicy('transient', 4, 5)).toEqual({ willRetry: true, loud: false });
    expect(failurePolicy('transient', 5, 5)).toEqual({ willRetry: false, loud: false });
    expect(failurePolicy('timeout', 5, 5).willRetry).toBe(false);
  });
  it('never rolls a customer back for a misconfigured bench: it retries past the limit, loudly', () => {
    expect(failurePolicy('configuration', 1, 5)).toEqual({ willRetry: true, loud: true });
    expect(failurePolicy('configuration', 50, 5)).toEqual({ willRetry: true, loud: true });
  });
});
