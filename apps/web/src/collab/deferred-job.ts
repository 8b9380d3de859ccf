/** How the browser is asked for its next frame; injectable so that tests need no rendering loop. */
export type FrameScheduler = {
  request(callback: () => void): number;
  cancel(handle: number): void;
};

/** A job that runs once for any number of `schedule` calls, then waits to be scheduled again. */
export type DeferredJob = {
  /**
   * Makes sure the job runs: soon after the next frame is painted when `urgent`, otherwise within
   * the lazy delay. Never later than the latest delay for an urgent call, even without frames.
   */
  schedule(urgent: boolean): void;
  /** Runs the job now if it is scheduled; does nothing otherwise. */
  flush(): void;
  /** Whether the job is scheduled and has not run yet. */
  readonly scheduled: boolean;
  /** Drops a scheduled run without running it; the job can be scheduled again. */
  cancel(): void;
};

/**
 * Creates a job that runs `run` after the browser has painted the frame the person is waiting
 * for, so that work the screen does not need (storing, sending) never delays that frame.
 * `latestMs` bounds an urgent wait when no frame comes (a hidden page draws none); `lazyMs` is the
 * wait of a run nobody is in a hurry for. Both in milliseconds.
 */
export function createDeferredJob(
  run: () => void,
  options: { latestMs: number; lazyMs: number; frames?: FrameScheduler },
): DeferredJob {
  const frames = options.frames ?? BROWSER_FRAMES;
  let scheduled = false;
  let frame: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let timerDue = Number.POSITIVE_INFINITY;

  const clear = () => {
    scheduled = false;
    if (frame !== null) frames.cancel(frame);
    frame = null;
    if (timer !== null) clearTimeout(timer);
    timer = null;
    timerDue = Number.POSITIVE_INFINITY;
  };
  const flush = () => {
    if (!scheduled) return;
    clear();
    run();
  };
  const runBy = (delayMs: number) => {
    const due = performance.now() + delayMs;
    if (due >= timerDue) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(flush, delayMs);
    timerDue = due;
  };
  // A frame callback runs before the frame is painted: the job waits one more task, which the
  // browser runs once that frame is out.
  const afterFrame = () => {
    frame = null;
    if (scheduled) setTimeout(flush, 0);
  };

  return {
    schedule(urgent) {
      scheduled = true;
      if (urgent) {
        frame ??= frames.request(afterFrame);
        runBy(options.latestMs);
      } else runBy(options.lazyMs);
    },
    flush,
    get scheduled() {
      return scheduled;
    },
    cancel: clear,
  };
}

const BROWSER_FRAMES: FrameScheduler = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
};
