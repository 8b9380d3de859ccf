// Host process for @y/websocket-server 0.1.1, wired as its own bin script does, with the
// y-leveldb persistence it enables when YPERSISTENCE names a directory (read at import time).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { hostDataDir, runHost } from './host-runtime.ts';

process.env.YPERSISTENCE = hostDataDir();
const { getPersistence, setupWSConnection } = await import('@y/websocket-server/utils');

await runHost(async () => {
  const http = createServer();
  const sockets = new WebSocketServer({ server: http });
  sockets.on('connection', (socket, request) => setupWSConnection(socket, request));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    port,
    async stop() {
      for (const client of sockets.clients) client.close();
      await new Promise((resolve) => http.close(resolve));
      // y-leveldb queues its writes; destroy() runs after the last one and closes the database.
      // The typings omit `provider`, which the module sets (see its utils.js).
      const provider: unknown = Reflect.get(getPersistence() ?? {}, 'provider');
      if (!isDestroyable(provider)) throw new Error('YPERSISTENCE is set but no y-leveldb provider was made');
      await provider.destroy();
    },
  };
});

function isDestroyable(value: unknown): value is { destroy(): Promise<void> } {
  return typeof value === 'object' && value !== null && typeof Reflect.get(value, 'destroy') === 'function';
}
