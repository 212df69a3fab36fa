import { median, percentile, summarise } from './stats.js';

describe('bench statistics', () => {
  it('takes the middle value of an odd sample and the mean of the middle two of an even one', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('summarises runs without reordering the recorded runs', () => {
    expect(summarise([30, 10, 20])).toEqual({ median: 20, min: 10, max: 30, runs: [30, 10, 20] });
  });

  it('uses nearest-rank percentiles', () => {
    const sample = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sample, 50)).toBe(50);
    expect(percentile(sample, 99)).toBe(99);
    expect(percentile(sample, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
  });

  it('refuses an empty sample instead of inventing a figure', () => {
    expect(() => median([])).toThrow();
    expect(() => percentile([], 50)).toThrow();
  });
});
