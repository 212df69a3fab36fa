import type { RecordedEvent } from '@tlc/event-store';
import { buildStartedAt, expectedBuildMs, medianStepTimes, passedMultiple } from './slow-builds.js';
import { parseMultiples } from './email-config.js';

const steps = (...keys: string[]) => ({ steps: keys.map((key) => ({ key, status: 'pending' as const, attempts: 0, step: 'new-site' as const })) });

describe('slow builds: the expected time and the multiples passed', () => {
  it('takes the median of each step over finished builds, ignoring unfinished steps', () => {
    const doc = (a: number, b: number | null) => ({
      steps: [
        { key: 'new-site', status: 'succeeded', durationMs: a },
        { key: 'api-keys', status: b === null ? 'running' : 'succeeded', durationMs: b },
      ],
    });
    expect(medianStepTimes([doc(10, 1), doc(30, 3), doc(20, null)])).toEqual({ 'new-site': 20, 'api-keys': 3 });
  });

  it("sums the plan's medians, and falls back when any step has no history", () => {
    expect(expectedBuildMs(steps('new-site', 'api-keys'), { 'new-site': 40_000, 'api-keys': 2_000 }, 9)).toBe(42_000);
    expect(expectedBuildMs(steps('new-site', 'api-keys'), { 'new-site': 40_000 }, 9)).toBe(9);
    expect(expectedBuildMs(steps('new-site'), {}, 300_000)).toBe(300_000);
  });

  it('names the highest multiple passed, none before the first', () => {
    expect(passedMultiple(1_999, 1_000, [2, 4, 8])).toBeUndefined();
    expect(passedMultiple(2_001, 1_000, [2, 4, 8])).toBe(2);
    expect(passedMultiple(9_000, 1_000, [2, 4, 8])).toBe(8);
    expect(passedMultiple(9_000, 1_000, [])).toBeUndefined();
  });

  it('counts from the signup, or from the retry after a rollback', () => {
    const ev = (type: string, occurredAt: string) => ({ type, metadata: { occurredAt }, recordedAt: occurredAt }) as unknown as RecordedEvent;
    expect(buildStartedAt([ev('SignupRequested', 'T1'), ev('StepStarted', 'T2')])).toBe('T1');
    expect(buildStartedAt([ev('SignupRequested', 'T1'), ev('RolledBack', 'T2'), ev('ProvisioningRetried', 'T3'), ev('StepStarted', 'T4')])).toBe('T3');
  });

  it('reads SLOW_BUILD_EMAIL_MULTIPLES strictly', () => {
    expect(parseMultiples(undefined)).toEqual([2, 4, 8]);
    expect(parseMultiples('off')).toEqual([]);
    expect(parseMultiples('1.5, 3')).toEqual([1.5, 3]);
    expect(() => parseMultiples('4,2')).toThrow(/SLOW_BUILD_EMAIL_MULTIPLES/);
    expect(() => parseMultiples('1')).toThrow(/above 1/);
    expect(() => parseMultiples('2,x')).toThrow(/SLOW_BUILD_EMAIL_MULTIPLES/);
  });
});
