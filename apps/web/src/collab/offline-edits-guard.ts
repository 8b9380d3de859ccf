import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';

/**
 * Asks the browser to confirm leaving the page while edits made offline have not reached the
 * server: until offline storage exists, they live only in this tab. Returns a function that stops.
 */
export function guardOfflineEdits(doc: Y.Doc, provider: WebsocketProvider): () => void {
  let editedOffline = false;
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin !== provider && !provider.wsconnected) editedOffline = true;
  };
  // Once synced again, the provider has sent the server every edit it lacked.
  const onSync = (isSynced: boolean) => {
    if (isSynced) editedOffline = false;
  };
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (editedOffline) event.preventDefault();
  };
  doc.on('update', onUpdate);
  provider.on('sync', onSync);
  window.addEventListener('beforeunload', onBeforeUnload);
  return () => {
    doc.off('update', onUpdate);
    provider.off('sync', onSync);
    window.removeEventListener('beforeunload', onBeforeUnload);
  };
}
