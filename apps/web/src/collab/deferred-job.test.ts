import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDeferredJob, type FrameScheduler } from './deferred-job.ts';

// A frame every 16 ms, as a browser showing the page draws them.
const FRAMES: FrameScheduler = {
  request: (callback) => setTimeout(callback, 16) as unknown as number,
  cancel: (handle) => clearTimeout(handle),
};
// A hidden page draws no frame at all.
const NO_FRAMES: FrameScheduler = { request: () => 0, cancel: () => {} };

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('a deferred job', () => {
  it('runs once after the next frame for any number of urgent calls', () => {
    let runs = 0;
    const job = createDeferredJob(() => runs++, { latestMs: 50, lazyMs: 1000, frames: FRAMES });
    job.schedule(true);
    job.schedule(true);
    vi.advanceTimersByTime(15);
    expect(runs).toBe(0);
    vi.advanceTimersByTime(2);
    expect(runs).toBe(1);
    expect(job.scheduled).toBe(false);
    vi.advanceTimersByTime(2000);
    expect(runs).toBe(1);
  });

  it('runs an urgent call within its latest delay when no frame comes', () => {
    let runs = 0;
    const job = createDeferredJob(() => runs++, { latestMs: 50, lazyMs: 1000, frames: NO_FRAMES });
    job.schedule(true);
    vi.advanceTimersByTime(49);
    expect(runs).toBe(0);
    vi.advanceTimersByTime(1);
    expect(runs).toBe(1);
  });

  it('waits the lazy delay for calls that are not urgent, unless an urgent one comes', () => {
    let runs = 0;
    const job = createDeferredJob(() => runs++, { latestMs: 50, lazyMs: 1000, frames: NO_FRAMES });
    job.schedule(false);
    vi.advanceTimersByTime(999);
    expect(runs).toBe(0);
    vi.advanceTimersByTime(1);
    expect(runs).toBe(1);
    job.schedule(false);
    vi.advanceTimersByTime(100);
    job.schedule(true);
    vi.advanceTimersByTime(50);
    expect(runs).toBe(2);
  });

  it('runs at once on flush, and never when cancelled', () => {
    let runs = 0;
    const job = createDeferredJob(() => runs++, { latestMs: 50, lazyMs: 1000, frames: FRAMES });
    job.flush();
    expect(runs).toBe(0);
    job.schedule(true);
    job.flush();
    expect(runs).toBe(1);
    job.schedule(false);
    job.cancel();
    vi.advanceTimersByTime(2000);
    expect(runs).toBe(1);
  });
});
