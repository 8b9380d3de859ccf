import { describe, expect, it } from 'vitest';
import { createMessageThrottle } from './message-throttle.ts';

describe('the message throttle', () => {
  it('lets a burst through, then one message per interval', () => {
    let now = 0;
    const throttle = createMessageThrottle({ perSecond: 10, burst: 3, now: () => now });
    expect([throttle.take(), throttle.take(), throttle.take()]).toEqual([0, 0, 0]);
    expect(throttle.take()).toBe(100);
    now = 50;
    expect(throttle.take()).toBe(50);
    now = 100;
    expect(throttle.take()).toBe(0);
    expect(throttle.take()).toBe(100);
  });

  it('refills no further than the burst after a quiet spell', () => {
    let now = 0;
    const throttle = createMessageThrottle({ perSecond: 10, burst: 2, now: () => now });
    now = 60_000;
    expect([throttle.take(), throttle.take()]).toEqual([0, 0]);
    expect(throttle.take()).toBeGreaterThan(0);
  });
});
