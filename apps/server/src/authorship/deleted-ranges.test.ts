import { describe, expect, it } from 'vitest';
import { createDeletedRanges } from './deleted-ranges.ts';

describe('deleted ranges', () => {
  it('knows exactly the clocks that were added', () => {
    const ranges = createDeletedRanges();
    ranges.add({ client: 1, clock: 10, length: 3 });
    ranges.add({ client: 2, clock: 0, length: 1 });
    expect([9, 10, 12, 13].map((clock) => ranges.has(1, clock))).toEqual([false, true, true, false]);
    expect(ranges.has(2, 0)).toBe(true);
    expect(ranges.has(3, 0)).toBe(false);
  });

  it('merges ranges that overlap or touch, in any order', () => {
    const ranges = createDeletedRanges();
    for (const clock of [5, 3, 4, 9, 7, 6, 8]) ranges.add({ client: 1, clock, length: 1 });
    ranges.add({ client: 1, clock: 20, length: 5 });
    ranges.add({ client: 1, clock: 0, length: 1 });
    ranges.add({ client: 1, clock: 22, length: 10 });
    const again = createDeletedRanges(ranges.encode());
    for (let clock = 0; clock < 40; clock += 1) {
      const expected = clock === 0 || (clock >= 3 && clock <= 9) || (clock >= 20 && clock < 32);
      expect(again.has(1, clock), `clock ${clock}`).toBe(expected);
    }
    // Three spans, {0}, 3–9 and 20–31: two small varuints each after a three-byte header.
    expect(again.encode().length).toBe(9);
  });

  it('survives encoding with many clients and large clocks', () => {
    const ranges = createDeletedRanges();
    ranges.add({ client: 4294967295, clock: 1_000_000, length: 2 });
    ranges.add({ client: 7, clock: 3, length: 1 });
    const again = createDeletedRanges(ranges.encode());
    expect(again.has(4294967295, 1_000_001)).toBe(true);
    expect(again.has(4294967295, 1_000_002)).toBe(false);
    expect(again.has(7, 3)).toBe(true);
  });
});
