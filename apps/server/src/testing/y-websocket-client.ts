import { COLLAB_PATH } from '@plume/protocol';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** A real, unmodified y-websocket client in Node, on its own Y.Doc. */
export type TestClient = {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  /** Resolves once the first sync with the server is complete. */
  synced(): Promise<void>;
  destroy(): void;
};

/**
 * Connects a y-websocket provider to a note on a test server, on a new Y.Doc unless one is given,
 * sending `cookie` (a session) and `origin` on every connection attempt, as a browser would.
 */
export function connectTestClient(
  wsUrl: string,
  noteId: string,
  options: { doc?: Y.Doc; cookie?: string; origin?: string } = {},
): TestClient {
  const doc = options.doc ?? new Y.Doc();
  const headers: Record<string, string> = options.cookie ? { cookie: options.cookie } : {};
  const { origin } = options;
  // y-websocket constructs sockets itself, so the cookie rides in a subclass of ws's WebSocket.
  class BrowserLikeWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers, origin });
    }
  }
  const provider = new WebsocketProvider(`${wsUrl}${COLLAB_PATH}`, noteId, doc, {
    // ws implements the browser WebSocket API y-websocket expects; its types differ in detail.
    WebSocketPolyfill: BrowserLikeWebSocket as never,
    disableBc: true,
  });
  return {
    doc,
    provider,
    synced: () =>
      new Promise<void>((resolve) => {
        if (provider.synced) resolve();
        else provider.once('sync', (isSynced: boolean) => isSynced && resolve());
      }),
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}
