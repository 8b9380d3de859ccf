import { COLLAB_PATH } from '@plume/protocol';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
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
  });
  const offlineCopy = keepOfflineCopy(noteId, doc, storage);
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

  return {
    doc,
    provider,
    offlineCopy,
    get refusedWith() {
      return refusedWith;
    },
    destroy() {
      destroyed = true;
      clearTimeout(waitForCopy);
      window.removeEventListener('online', onOnline);
      provider.destroy();
      // The offline copy closes with the document.
      doc.destroy();
    },
  };
}
