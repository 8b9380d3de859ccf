/** A per-connection budget of messages: a burst is allowed, then a steady rate. */
export type MessageThrottle = {
  /** Takes one message from the budget and returns 0, or returns how many milliseconds until one is available. */
  take(): number;
};

/** Creates a token bucket that refills `perSecond` tokens a second up to `burst`. */
export function createMessageThrottle(options: {
  perSecond: number;
  burst: number;
  now?: () => number;
}): MessageThrottle {
  const { perSecond, burst, now = () => performance.now() } = options;
  let tokens = burst;
  let refilledAt = now();
  return {
    take() {
      const at = now();
      tokens = Math.min(burst, tokens + ((at - refilledAt) * perSecond) / 1000);
      refilledAt = at;
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return Math.ceil(((1 - tokens) * 1000) / perSecond);
    },
  };
}
