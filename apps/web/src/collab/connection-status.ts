import type { WebsocketProvider } from 'y-websocket';

/** What the person is told about the link to the server. */
export type ConnectionStatus = 'connected' | 'syncing' | 'offline' | 'refused';

/** Derives the status from the provider's state. */
export function currentStatus(provider: WebsocketProvider, refused: boolean): ConnectionStatus {
  if (refused) return 'refused';
  if (provider.wsconnected) return provider.synced ? 'connected' : 'syncing';
  // Before the first attempt has failed, the page is still connecting, not offline.
  return provider.wsUnsuccessfulReconnects > 0 || !navigator.onLine ? 'offline' : 'syncing';
}

/** Calls `onChange` with the status now and whenever it changes; returns a function that stops. */
export function watchConnectionStatus(
  provider: WebsocketProvider,
  isRefused: () => boolean,
  onChange: (status: ConnectionStatus) => void,
): () => void {
  let last: ConnectionStatus | null = null;
  const update = () => {
    const status = currentStatus(provider, isRefused());
    if (status === last) return;
    last = status;
    onChange(status);
  };
  const events = ['status', 'sync', 'connection-close', 'connection-error', 'closed'] as const;
  for (const event of events) provider.on(event, update);
  window.addEventListener('online', update);
  window.addEventListener('offline', update);
  update();
  return () => {
    for (const event of events) provider.off(event, update);
    window.removeEventListener('online', update);
    window.removeEventListener('offline', update);
  };
}
