import { CLOSE_CODE, type CloseCodeName } from '@plume/protocol';
import type { Logger } from 'pino';
import type { RawData, WebSocket } from 'ws';
import type { Room, RoomMember } from './room.ts';
import type { RoomRegistry } from './room-registry.ts';
import { encodeGreeting, handleSyncMessage, RejectedMessageError } from './sync-message.ts';

/** How often a connection is pinged; one that has not answered the previous ping is dropped. */
const PING_INTERVAL_MS = 30_000;

/** Most messages held for a connection while its note loads; an honest client sends two or three. */
const MAX_EARLY_MESSAGES = 64;

/**
 * Serves one WebSocket for one note: joins its room once the document is loaded, handles each
 * message inside one try/catch, and leaves the room when the socket closes.
 */
export function serveCollabConnection(options: {
  socket: WebSocket;
  noteId: string;
  rooms: RoomRegistry;
  logger: Logger;
}): void {
  const { socket, noteId, rooms, logger } = options;
  // Messages that arrive while the document loads wait here, in order.
  const early: Uint8Array[] = [];
  let room: Room | null = null;
  let closed = false;
  let answeredPing = true;

  const member: RoomMember = {
    send(message) {
      if (socket.readyState !== socket.OPEN) return;
      socket.send(message, (error) => {
        if (error) logger.debug({ err: error }, 'sending failed; the socket is closing');
      });
    },
  };

  function close(name: CloseCodeName, detail?: string): void {
    if (closed) return;
    closed = true;
    const { code, reason } = CLOSE_CODE[name];
    logger.info({ code, reason, detail }, 'closing connection');
    socket.close(code, reason);
  }

  function handle(message: Uint8Array): void {
    if (!room || closed) return;
    try {
      const reply = handleSyncMessage(room, member, message);
      if (reply) member.send(reply);
    } catch (error) {
      if (error instanceof RejectedMessageError) {
        close(error.closeCode, error.message);
      } else {
        logger.error({ err: error }, 'handling a message failed');
        close('internalError');
      }
    }
  }

  socket.on('message', (data: RawData, isBinary: boolean) => {
    if (!isBinary) {
      close('malformedMessage', 'text frame');
      return;
    }
    const message = toUint8Array(data);
    if (room) handle(message);
    else if (early.length < MAX_EARLY_MESSAGES) early.push(message);
    else close('malformedMessage', 'too many messages before the note was loaded');
  });

  const pinger = setInterval(() => {
    if (!answeredPing) {
      logger.info('no answer to ping; dropping connection');
      socket.terminate();
      return;
    }
    answeredPing = false;
    socket.ping();
  }, PING_INTERVAL_MS);
  socket.on('pong', () => {
    answeredPing = true;
  });

  socket.on('error', (error) => logger.warn({ err: error }, 'socket error'));
  socket.on('close', () => {
    closed = true;
    clearInterval(pinger);
    if (room) {
      room.leave(member);
      rooms.release(room);
      logger.debug('connection left');
    }
  });

  rooms.acquire(noteId).then(
    (loaded) => {
      if (closed) {
        // The client left while its note was loading: give the room straight back.
        rooms.release(loaded);
        return;
      }
      room = loaded;
      room.join(member);
      for (const greeting of encodeGreeting(room)) member.send(greeting);
      for (const message of early.splice(0)) handle(message);
    },
    (error: unknown) => {
      logger.error({ err: error }, 'loading the document failed');
      close('storageUnavailable');
    },
  );
}

function toUint8Array(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
