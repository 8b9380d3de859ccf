import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createDeferredJob, type FrameScheduler } from './deferred-job.ts';

/** Longest wait before local changes go to the server when the page draws no frame (hidden), in milliseconds. */
export const SEND_LATEST_MS = 50;

/** Sends a note's local changes to the server in one batch per frame; see `batchProviderSends`. */
export type BatchedSync = {
  /** Sends now what is waiting: before asking the server what it has stored, and before the page goes. */
  flush(): void;
  /** Gives the provider its own synchronous sending back, after sending what is waiting. */
  dispose(): void;
};

/**
 * Takes over the provider's sending of local document updates and of this browser's presence:
 * instead of one WebSocket frame per change inside the key's handler, the changes made in one
 * frame are merged and sent once that frame is on screen. Document updates go before presence,
 * so that a co-author's browser has the text a caret points into. Only this browser's own
 * presence is sent: y-websocket would echo every co-author's caret back to the server, which
 * relays them itself. Nothing is dropped: a batch waiting while the socket is closed is sent as
 * y-websocket would send it (not at all on a closed socket), and the next sync carries it.
 */
export function batchProviderSends(provider: WebsocketProvider, frames?: FrameScheduler): BatchedSync {
  const { doc, awareness } = provider;
  let updates: Uint8Array[] = [];
  let presenceChanged = false;
  const send = () => {
    if (updates.length > 0) {
      const merged = updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates);
      updates = [];
      // Any origin but the provider itself is sent; null says "local".
      provider._updateHandler(merged, null);
    }
    if (presenceChanged) {
      presenceChanged = false;
      provider._awarenessUpdateHandler({ added: [], updated: [awareness.clientID], removed: [] }, 'local');
    }
  };
  const job = createDeferredJob(send, {
    latestMs: SEND_LATEST_MS,
    lazyMs: SEND_LATEST_MS,
    ...(frames ? { frames } : {}),
  });

  const onUpdate = (update: Uint8Array, origin: unknown) => {
    // What the server sent, it has.
    if (origin === provider) return;
    updates.push(update);
    job.schedule(true);
  };
  const onAwareness = (changes: { added: number[]; updated: number[]; removed: number[] }) => {
    // Whatever the origin: when the server reports this browser gone, awareness renews its state
    // and that must reach the server again.
    const { clientID } = awareness;
    if (!changes.added.includes(clientID) && !changes.updated.includes(clientID) && !changes.removed.includes(clientID))
      return;
    presenceChanged = true;
    job.schedule(true);
  };

  doc.off('update', provider._updateHandler);
  doc.on('update', onUpdate);
  awareness.off('update', provider._awarenessUpdateHandler);
  awareness.on('update', onAwareness);

  return {
    flush: job.flush,
    dispose() {
      job.flush();
      doc.off('update', onUpdate);
      awareness.off('update', onAwareness);
      doc.on('update', provider._updateHandler);
      awareness.on('update', provider._awarenessUpdateHandler);
    },
  };
}
