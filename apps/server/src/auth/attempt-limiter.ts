/** Counts failed attempts per key over a sliding window and says when to stop accepting more. */
export type AttemptLimiter = {
  /** Seconds to wait before `key` may try again; 0 when it may try now. */
  retryAfter(key: string): number;
  /** Records a failed attempt by `key`. */
  fail(key: string): void;
  /** Forgets `key`'s failures, after a success. */
  succeed(key: string): void;
};

// Bounds memory under a spray of distinct keys: the oldest are forgotten first.
const MAX_KEYS = 10_000;

/** A limiter allowing `maxFailures` failures per key within `windowMs`. */
export function createAttemptLimiter(options: {
  maxFailures: number;
  windowMs: number;
  now?: () => number;
}): AttemptLimiter {
  const { maxFailures, windowMs, now = Date.now } = options;
  const failures = new Map<string, number[]>();

  function recent(key: string): number[] {
    const since = now() - windowMs;
    const times = (failures.get(key) ?? []).filter((time) => time > since);
    if (times.length === 0) failures.delete(key);
    else failures.set(key, times);
    return times;
  }

  return {
    retryAfter(key) {
      const times = recent(key);
      if (times.length < maxFailures) return 0;
      const oldest = times[times.length - maxFailures] as number;
      return Math.max(1, Math.ceil((oldest + windowMs - now()) / 1000));
    },
    fail(key) {
      const times = recent(key);
      times.push(now());
      failures.delete(key);
      failures.set(key, times);
      if (failures.size > MAX_KEYS) failures.delete(failures.keys().next().value as string);
    },
    succeed(key) {
      failures.delete(key);
    },
  };
}
