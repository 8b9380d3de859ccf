/** A throttled function: `call` runs it now or later, `cancel` drops a pending run. */
export type Throttled = { call(): void; cancel(): void };

/**
 * Runs `work` at most once every `intervalMs`: the first call runs at once, calls during the
 * interval are merged into one run at its end, so the last change is never missed.
 */
export function throttle(work: () => void, intervalMs: number): Throttled {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending = false;
  const release = () => {
    timer = null;
    if (!pending) return;
    pending = false;
    run();
  };
  const run = () => {
    work();
    timer = setTimeout(release, intervalMs);
  };
  return {
    call() {
      if (timer === null) run();
      else pending = true;
    },
    cancel() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      pending = false;
    },
  };
}
