import { COLLAB_PATH } from '@plume/protocol';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { batchProviderSends } from './batched-sync.ts';
import { keepOfflineCopy, type OfflineCopy } from './offline-copy.ts';

/** Longest wait for the offline copy before connecting anyway, in milliseconds. */
const OFFLINE_COPY_WAIT_MS = 3000;

/** A note's shared document, its copy in the browser and its live connection to the server. */
export type NoteConnection = {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  /** The note as this browser keeps it, so that edits outlive the tab. */
  readonly offlineCopy: OfflineCopy;
  /** The close code with which the server refused the note for good, or null. */
  readonly refusedWith: number | null;
  /**
   * Sends and stores at once the changes still waiting for the end of the frame (see
   * batched-sync.ts): before asking the server what it has stored, so its answer covers them.
   */
  flush(): void;
  destroy(): void;
};

/**
 * Opens a note: loads what this browser kept of it, then connects to the server this page came
 * from, so that the first sync merges the two.
 */
export function connectNote(noteId: string, location: Location, storage: Storage): NoteConnection {
  const doc = new Y.Doc();
  const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const provider = new WebsocketProvider(`${protocol}//${location.host}${COLLAB_PATH}`, noteId, doc, {
    maxBackoffTime: 10_000,
    connect: false,
    // Each tab holds its own connection and its own copy in IndexedDB: relaying every change and
    // caret to the other tabs too would only repeat, on the typing path, what the server sends them.
    disableBc: true,
  });
  const offlineCopy = keepOfflineCopy(noteId, doc, storage);
  const sends = batchProviderSends(provider);
  const flush = () => {
    sends.flush();
    offlineCopy.flush();
  };
  // A page that goes away may never run its timers again: what waits is sent and stored now.
  const onHidden = () => {
    if (document.visibilityState === 'hidden') flush();
  };
  let refusedWith: number | null = null;
  let started = false;
  let destroyed = false;

  // What the browser kept goes out with the first sync; a copy slow to load (a busy phone, a stuck
  // IndexedDB) is merged whenever it comes, and the provider sends it on as an update.
  const start = () => {
    clearTimeout(waitForCopy);
    if (started || destroyed) return;
    started = true;
    provider.connect();
  };
  const waitForCopy = setTimeout(start, OFFLINE_COPY_WAIT_MS);
  offlineCopy.loaded.then(start, start);

  // y-websocket stops retrying by itself on final close codes and says so with `closed`.
  provider.on('closed', ({ code }) => {
    refusedWith = code;
  });
  // Back online, connect at once rather than at the end of a backoff of up to ten seconds.
  const onOnline = () => {
    if (!started || destroyed || refusedWith !== null || provider.ws !== null) return;
    provider.disconnect();
    provider.connect();
  };
  window.addEventListener('online', onOnline);
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', onHidden);

  return {
    doc,
    provider,
    offlineCopy,
    get refusedWith() {
      return refusedWith;
    },
    flush,
    destroy() {
      destroyed = true;
      clearTimeout(waitForCopy);
      window.removeEventListener('online', onOnline);
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHidden);
      // The editor is gone by now; its last changes and the caret it took away go out first.
      sends.dispose();
      offlineCopy.flush();
      provider.destroy();
      // The offline copy closes with the document.
      doc.destroy();
    },
  };
}
