import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttle } from './throttle.ts';

describe('throttle', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs the first call at once and merges the calls of the next second into one', () => {
    const work = vi.fn();
    const throttled = throttle(work, 1000);
    throttled.call();
    expect(work).toHaveBeenCalledTimes(1);
    throttled.call();
    throttled.call();
    throttled.call();
    expect(work).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(work).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(5000);
    expect(work).toHaveBeenCalledTimes(2);
  });

  it('runs again at once once the interval has passed quietly', () => {
    const work = vi.fn();
    const throttled = throttle(work, 1000);
    throttled.call();
    vi.advanceTimersByTime(1500);
    throttled.call();
    expect(work).toHaveBeenCalledTimes(2);
  });

  it('drops a pending run when cancelled', () => {
    const work = vi.fn();
    const throttled = throttle(work, 1000);
    throttled.call();
    throttled.call();
    throttled.cancel();
    vi.advanceTimersByTime(2000);
    expect(work).toHaveBeenCalledTimes(1);
  });
});
