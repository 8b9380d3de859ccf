import { COLLAB_PATH } from '@plume/protocol';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** A note's shared document and its live connection to the server. */
export type NoteConnection = {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  /** The close code with which the server refused the note for good, or null. */
  readonly refusedWith: number | null;
  destroy(): void;
};

/** Opens the y-websocket connection to a note on the server this page came from. */
export function connectNote(noteId: string, location: Location): NoteConnection {
  const doc = new Y.Doc();
  const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const provider = new WebsocketProvider(`${protocol}//${location.host}${COLLAB_PATH}`, noteId, doc, {
    maxBackoffTime: 10_000,
  });
  let refusedWith: number | null = null;
  // y-websocket stops retrying by itself on final close codes and says so with `closed`.
  provider.on('closed', ({ code }) => {
    refusedWith = code;
  });
  return {
    doc,
    provider,
    get refusedWith() {
      return refusedWith;
    },
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}
