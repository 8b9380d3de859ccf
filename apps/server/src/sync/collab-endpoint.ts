import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { CLOSE_CODE, type CloseCodeName, COLLAB_PATH, isNoteId, type NoteRole } from '@plume/protocol';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import type { Auth } from '../auth/create-auth.ts';
import type { Principal } from '../auth/sessions.ts';
import { guestAuthorId } from '../authorship/guest-author-id.ts';
import type { OriginPolicy } from '../http/origin-policy.ts';
import { type CookiePolicy, readCookie } from '../http/session-cookie.ts';
import type { Metrics } from '../metrics.ts';
import { type CollabConnection, type ConnectionLimits, serveCollabConnection } from './collab-connection.ts';
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
  auth: Auth;
  origins: OriginPolicy;
  cookie: CookiePolicy;
  policy: UpdatePolicy;
  /** Largest message accepted, in bytes; `ws` closes the connection with 1009 beyond it. */
  maxMessageBytes: number;
  limits: ConnectionLimits;
  metrics: Metrics;
  logger: Logger;
  /** Called on each edit an account makes, for instance to list it among the note's contributors. */
  onAccountEdit?: (noteId: string, userId: string) => void;
}): CollabEndpoint {
  const { server, rooms, auth, origins, cookie, policy, maxMessageBytes, limits, metrics, logger, onAccountEdit } =
    options;
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
    // Another site's page cannot ride on the person's cookie (cross-site WebSocket hijacking);
    // clients outside browsers send no Origin and must bring their own cookie.
    const origin = request.headers.origin;
    if (origin !== undefined && !origins.allows(origin, request.headers.host)) {
      logger.warn({ ...logContext, origin: origin.slice(0, 200) }, 'refusing a connection from a foreign origin');
      refuse(socket, 403, 'Forbidden');
      return;
    }
    const principal = auth.sessions.resolve(readCookie(request.headers.cookie, cookie.name));
    const access = await decideAccess(principal, noteId);
    // Refusals complete the handshake first, then close before a byte of the document is sent:
    // a close reason reaches every client, an HTTP status on the upgrade reaches none.
    sockets.handleUpgrade(request, socket, head, (webSocket) => {
      if (!access.ok) {
        const { code, reason } = CLOSE_CODE[access.refusal];
        logger.info({ ...logContext, code, reason }, 'refusing connection');
        webSocket.close(code, reason);
        return;
      }
      logger.debug(logContext, 'connection opened');
      const { role } = access;
      const by = principal as Principal;
      let connection: CollabConnection | null = null;
      const unwatch = auth.live.watch({
        sessionId: by.session.id,
        noteId,
        role,
        onChange(newRole: NoteRole | null) {
          logger.info({ ...logContext, role, newRole }, 'access changed; closing the connection');
          connection?.close(newRole === null ? 'accessRevoked' : 'accessChanged');
        },
      });
      auth.audit.record({
        action: 'note.opened',
        by,
        noteId,
        detail: { role },
        ip: request.socket.remoteAddress ?? null,
      });
      connection = serveCollabConnection({
        socket: webSocket,
        noteId,
        rooms,
        policy,
        author: {
          role,
          accountName: by.user?.name ?? null,
          authorId: by.user?.id ?? guestAuthorId(by.session.id),
          onEdit: () => {
            auth.audit.record({ action: 'note.edited', by, noteId, ip: request.socket.remoteAddress ?? null });
            if (by.user) onAccountEdit?.(noteId, by.user.id);
          },
          onReadOnlyUpdate: () => metrics.readOnlyUpdatesDropped.inc(),
        },
        limits,
        metrics,
        logger,
        logContext,
        onClosed: unwatch,
      });
    });
  }

  async function decideAccess(
    principal: Principal | null,
    noteId: string,
  ): Promise<{ ok: true; role: NoteRole } | { ok: false; refusal: CloseCodeName }> {
    if (!isNoteId(noteId)) return { ok: false, refusal: 'invalidNoteId' };
    if (!principal) return { ok: false, refusal: 'unauthenticated' };
    const decision = await auth.check.authorise(principal, noteId, 'read');
    // No access reads as no note: ids reveal nothing to those who may not open them.
    return decision.ok ? { ok: true, role: decision.role } : { ok: false, refusal: 'noteNotFound' };
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
