import type { DocumentStore } from '@plume/storage';
import type { Logger } from 'pino';

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

/** Creates the writer of one document's updates into `store` under `name`. */
export function createUpdateWriter(store: DocumentStore, name: string, logger: Logger): UpdateWriter {
  const queue: Uint8Array[] = [];
  let draining: Promise<void> | null = null;
  let failing = false;

  async function drain(): Promise<void> {
    let delay: number = RETRY_DELAY_MS.first;
    for (let update = queue[0]; update !== undefined; update = queue[0]) {
      try {
        await store.appendUpdate(name, update);
        queue.shift();
        failing = false;
        delay = RETRY_DELAY_MS.first;
      } catch (error) {
        // The update stays first in line: order matters less to Yjs than loss, but keeping it
        // lets the store hold exactly what clients saw.
        failing = true;
        logger.error({ err: error, pending: queue.length, retryInMs: delay }, 'writing an update failed');
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
