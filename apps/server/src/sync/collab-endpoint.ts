import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { CLOSE_CODE, COLLAB_PATH, isNoteId } from '@plume/protocol';
import type { MetadataStore } from '@plume/storage';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import type { Metrics } from '../metrics.ts';
import { type ConnectionLimits, serveCollabConnection } from './collab-connection.ts';
import type { RoomRegistry } from './room-registry.ts';
import type { UpdatePolicy } from './sync-message.ts';

/** The WebSocket sync endpoint at `${COLLAB_PATH}/<noteId>`, speaking the y-websocket protocol. */
export type CollabEndpoint = {
  /** Closes every connection with `serverShuttingDown` and stops accepting new ones. */
  close(): Promise<void>;
};

/** Attaches the sync endpoint to an HTTP server's upgrade requests. */
export function attachCollabEndpoint(options: {
  server: Server;
  rooms: RoomRegistry;
  notes: MetadataStore;
  policy: UpdatePolicy;
  /** Largest message accepted, in bytes; `ws` closes the connection with 1009 beyond it. */
  maxMessageBytes: number;
  limits: ConnectionLimits;
  metrics: Metrics;
  logger: Logger;
}): CollabEndpoint {
  const { server, rooms, notes, policy, maxMessageBytes, limits, metrics, logger } = options;
  const sockets = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes });
  let nextConnectionId = 1;

  function refuse(socket: Duplex, status: number, text: string): void {
    socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  }

  async function handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const { pathname } = new URL(request.url ?? '/', 'http://plume.invalid');
    if (!pathname.startsWith(`${COLLAB_PATH}/`)) {
      refuse(socket, 404, 'Not Found');
      return;
    }
    const noteId = pathname.slice(COLLAB_PATH.length + 1);
    const connectionId = nextConnectionId++;
    // Plain fields, not a child logger: a child per idle connection costs memory for nothing.
    const logContext = { connectionId, noteId: noteId.slice(0, 64), remote: request.socket.remoteAddress };
    // Refusals complete the handshake first: a close reason reaches every client, an HTTP
    // status on the upgrade reaches none (browsers hide it).
    const refusal = !isNoteId(noteId)
      ? CLOSE_CODE.invalidNoteId
      : !(await notes.getNote(noteId))
        ? CLOSE_CODE.noteNotFound
        : null;
    sockets.handleUpgrade(request, socket, head, (webSocket) => {
      if (refusal) {
        logger.info({ ...logContext, code: refusal.code, reason: refusal.reason }, 'refusing connection');
        webSocket.close(refusal.code, refusal.reason);
        return;
      }
      logger.debug(logContext, 'connection opened');
      serveCollabConnection({ socket: webSocket, noteId, rooms, policy, limits, metrics, logger, logContext });
    });
  }

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    handleUpgrade(request, socket, head).catch((error: unknown) => {
      logger.error({ err: error }, 'upgrade failed');
      socket.destroy();
    });
  };
  server.on('upgrade', onUpgrade);

  return {
    async close() {
      server.off('upgrade', onUpgrade);
      const { code, reason } = CLOSE_CODE.serverShuttingDown;
      const closing = [...sockets.clients].map(
        (client) =>
          new Promise<void>((resolve) => {
            client.once('close', () => resolve());
            client.close(code, reason);
            // A client that does not answer the close handshake is cut off.
            setTimeout(() => client.terminate(), 2_000).unref();
          }),
      );
      await Promise.all(closing);
      await new Promise<void>((resolve, reject) => sockets.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
