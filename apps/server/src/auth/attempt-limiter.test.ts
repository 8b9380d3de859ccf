import { describe, expect, it } from 'vitest';
import { createAttemptLimiter } from './attempt-limiter.ts';

describe('the attempt limiter', () => {
  it('stops a key after its failures and lets it try again once the window has passed', () => {
    let now = 0;
    const limiter = createAttemptLimiter({ maxFailures: 3, windowMs: 60_000, now: () => now });
    for (let failure = 0; failure < 3; failure++) {
      expect(limiter.retryAfter('a')).toBe(0);
      limiter.fail('a');
    }
    expect(limiter.retryAfter('a')).toBe(60);
    expect(limiter.retryAfter('b')).toBe(0);
    now = 30_000;
    expect(limiter.retryAfter('a')).toBe(30);
    now = 60_001;
    expect(limiter.retryAfter('a')).toBe(0);
  });

  it('forgets a key’s failures after a success', () => {
    const limiter = createAttemptLimiter({ maxFailures: 2, windowMs: 60_000 });
    limiter.fail('a');
    limiter.succeed('a');
    limiter.fail('a');
    expect(limiter.retryAfter('a')).toBe(0);
  });
});
