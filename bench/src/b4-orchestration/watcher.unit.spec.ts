import { unionMs } from './watcher.js';

describe('unionMs (time inside bench when steps overlap)', () => {
  it('adds disjoint intervals and counts overlapping ones once', () => {
    expect(unionMs([])).toBe(0);
    expect(
      unionMs([
        [0, 10],
        [20, 25],
      ]),
    ).toBe(15);
    // admin 0-40, keys 5-30 and host name 10-45 side by side: 45 ms of bench, not 100.
    expect(
      unionMs([
        [10, 45],
        [0, 40],
        [5, 30],
      ]),
    ).toBe(45);
    expect(
      unionMs([
        [0, 10],
        [10, 20],
      ]),
    ).toBe(20);
    expect(
      unionMs([
        [0, 50],
        [10, 20],
      ]),
    ).toBe(50);
  });
});
