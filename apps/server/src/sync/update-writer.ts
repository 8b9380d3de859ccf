import type { DocumentStore } from '@plume/storage';
import type { Logger } from 'pino';
import * as Y from 'yjs';
import type { Metrics } from '../metrics.ts';

/** First and longest wait between attempts at a failed write, in milliseconds. */
const RETRY_DELAY_MS = { first: 100, longest: 5_000 } as const;

/** Writes one document's updates to the store in order, retrying with backoff until they land. */
export type UpdateWriter = {
  /** Queues an update; it is written right away, after those queued before it. */
  enqueue(update: Uint8Array): void;
  /** Resolves once every update queued so far is in the store. */
  flushed(): Promise<void>;
  /** Whether the last write attempt failed and updates wait for the store to come back. */
  readonly failing: boolean;
  /** Number of updates not yet in the store. */
  readonly pending: number;
};

/**
 * Creates the writer of one document's updates into `store` under `name`. Updates queued while
 * a write is under way go out together, merged, in the next write.
 */
export function createUpdateWriter(options: {
  store: DocumentStore;
  name: string;
  logger: Logger;
  metrics: Pick<Metrics, 'storeWriteSeconds' | 'storeErrors'>;
}): UpdateWriter {
  const { store, name, logger, metrics } = options;
  const queue: Uint8Array[] = [];
  let draining: Promise<void> | null = null;
  let failing = false;

  async function drain(): Promise<void> {
    let delay: number = RETRY_DELAY_MS.first;
    while (queue.length > 0) {
      const taken = queue.length;
      const update = taken === 1 ? (queue[0] as Uint8Array) : Y.mergeUpdates(queue);
      const stopTimer = metrics.storeWriteSeconds.startTimer();
      try {
        await store.appendUpdate(name, update);
        stopTimer();
        queue.splice(0, taken);
        failing = false;
        delay = RETRY_DELAY_MS.first;
      } catch (error) {
        // The updates stay in line and are tried again, merged with any that arrive meanwhile.
        failing = true;
        metrics.storeErrors.inc();
        logger.error({ err: error, noteId: name, pending: queue.length, retryInMs: delay }, 'writing an update failed');
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay = Math.min(delay * 2, RETRY_DELAY_MS.longest);
      }
    }
  }

  function startDraining(): Promise<void> {
    draining ??= drain().finally(() => {
      draining = null;
    });
    return draining;
  }

  return {
    enqueue(update) {
      queue.push(update);
      void startDraining();
    },
    async flushed() {
      while (queue.length > 0) await startDraining();
    },
    get failing() {
      return failing;
    },
    get pending() {
      return queue.length;
    },
  };
}
