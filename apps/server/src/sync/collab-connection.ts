import { CLOSE_CODE, type CloseCodeName, MESSAGE_TYPE } from '@plume/protocol';
import type { Logger } from 'pino';
import type { RawData, WebSocket } from 'ws';
import type { Metrics } from '../metrics.ts';
import { createMessageThrottle } from './message-throttle.ts';
import { RejectedMessageError } from './rejected-message-error.ts';
import type { Room, RoomMember } from './room.ts';
import type { RoomRegistry } from './room-registry.ts';
import { type ConnectionAuthor, encodeGreeting, handleSyncMessage, type UpdatePolicy } from './sync-message.ts';

/** How often a connection is pinged; one that has not answered the previous ping is dropped. */
const PING_INTERVAL_MS = 30_000;

/**
 * Most messages waiting for a connection, while its note loads or while it is throttled. A
 * paused socket stops reading, so only what was already read can pile up: at most a read
 * chunk of tiny frames, or one large message.
 */
const MAX_WAITING_MESSAGES = 16_384;

// Metric labels for message types: a fixed set, whatever number a client sends.
const MESSAGE_TYPE_NAMES: Record<number, string> = Object.fromEntries(
  Object.entries(MESSAGE_TYPE).map(([name, type]) => [type, name]),
);

/** Limits that keep one connection from costing the others. */
export type ConnectionLimits = {
  /** Messages a connection may send per second, after a burst of `messageBurst`. */
  readonly messagesPerSecond: number;
  readonly messageBurst: number;
  /** Largest message accepted, in bytes. */
  readonly maxMessageBytes: number;
  /** Bytes queued for a client that does not read, past which it is dropped. */
  readonly maxBufferedBytes: number;
};

/** An open sync connection, as its endpoint holds it. */
export type CollabConnection = {
  /** Closes the connection with a named code, e.g. when its access was revoked. */
  close(name: CloseCodeName): void;
};

/**
 * Serves one WebSocket for one note: joins its room once the document is loaded, takes messages
 * at the rate the connection is allowed (pausing the socket, so a flood waits in the sender's
 * TCP buffers and nobody else's), handles each inside one try/catch, and leaves the room when
 * the socket closes.
 */
export function serveCollabConnection(options: {
  socket: WebSocket;
  noteId: string;
  rooms: RoomRegistry;
  policy: UpdatePolicy;
  /** Who speaks on this connection and what they may do. */
  author: ConnectionAuthor;
  limits: ConnectionLimits;
  metrics: Metrics;
  logger: Logger;
  /** Fields that say which connection a log line is about. */
  logContext: Record<string, unknown>;
  /** Called once the socket has closed. */
  onClosed(): void;
}): CollabConnection {
  const { socket, noteId, rooms, policy, author, limits, metrics, logger: parentLogger, logContext } = options;
  // Made on first use: most connections never log anything.
  let childLogger: Logger | null = null;
  const logger = () => (childLogger ??= parentLogger.child(logContext));
  const throttle = createMessageThrottle({ perSecond: limits.messagesPerSecond, burst: limits.messageBurst });
  // Messages wait here, in order, until the note is loaded and the throttle lets them through.
  const waiting: Uint8Array[] = [];
  let waitingBytes = 0;
  const maxWaitingBytes = 2 * limits.maxMessageBytes;
  let throttled: NodeJS.Timeout | null = null;
  let room: Room | null = null;
  let closed = false;
  let answeredPing = true;
  metrics.connections.inc();

  const member: RoomMember = {
    send(message) {
      if (socket.readyState !== socket.OPEN) return;
      if (socket.bufferedAmount + message.byteLength > limits.maxBufferedBytes) {
        // Holding ever more for a reader that does not read would let it exhaust memory.
        metrics.slowReadersDropped.inc();
        logger().warn({ bufferedBytes: socket.bufferedAmount }, 'client does not read what it is sent; dropping it');
        closed = true;
        socket.terminate();
        return;
      }
      socket.send(message, (error) => {
        if (error) logger().debug({ err: error }, 'sending failed; the socket is closing');
      });
    },
  };

  function close(name: CloseCodeName): void {
    if (closed) return;
    closed = true;
    const { code, reason } = CLOSE_CODE[name];
    socket.close(code, reason);
  }

  function reject(name: CloseCodeName, detail: string): void {
    if (closed) return;
    const { code, reason } = CLOSE_CODE[name];
    logger().warn(
      { code, reason, detail, clientId: room?.clientIdOf(member) },
      'refusing a message; closing the connection',
    );
    metrics.rejectedMessages.inc({ reason: name });
    close(name);
  }

  function handle(message: Uint8Array): void {
    if (!room || closed) return;
    metrics.messagesReceived.inc({ type: MESSAGE_TYPE_NAMES[message[0] ?? -1] ?? 'other' });
    try {
      const reply = handleSyncMessage(room, member, message, policy, author);
      if (reply) member.send(reply);
    } catch (error) {
      if (error instanceof RejectedMessageError) {
        reject(error.closeCode, error.message);
      } else {
        logger().error({ err: error, clientId: room.clientIdOf(member) }, 'handling a message failed');
        metrics.rejectedMessages.inc({ reason: 'internalError' });
        close('internalError');
      }
    }
  }

  function handleWaiting(): void {
    while (room && !closed && throttled === null && waiting.length > 0) {
      const wait = throttle.take();
      if (wait > 0) {
        socket.pause();
        throttled = setTimeout(() => {
          throttled = null;
          socket.resume();
          handleWaiting();
        }, wait);
        return;
      }
      const message = waiting.shift() as Uint8Array;
      waitingBytes -= message.byteLength;
      handle(message);
    }
  }

  socket.on('message', (data: RawData, isBinary: boolean) => {
    if (closed) return;
    if (!isBinary) {
      reject('malformedMessage', 'text frame');
      return;
    }
    const message = toUint8Array(data);
    if (waiting.length >= MAX_WAITING_MESSAGES || waitingBytes + message.byteLength > maxWaitingBytes) {
      reject('tooManyMessages', `more than ${waiting.length} messages waiting`);
      return;
    }
    waiting.push(message);
    waitingBytes += message.byteLength;
    handleWaiting();
  });

  const pinger = setInterval(() => {
    if (!answeredPing) {
      logger().info('no answer to ping; dropping connection');
      socket.terminate();
      return;
    }
    answeredPing = false;
    socket.ping();
  }, PING_INTERVAL_MS);
  socket.on('pong', () => {
    answeredPing = true;
  });

  socket.on('error', (error) => logger().warn({ err: error }, 'socket error'));
  socket.on('close', () => {
    closed = true;
    metrics.connections.dec();
    clearInterval(pinger);
    if (throttled) clearTimeout(throttled);
    waiting.length = 0;
    options.onClosed();
    if (room) {
      room.leave(member);
      rooms.release(room);
      parentLogger.debug(logContext, 'connection left');
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
      handleWaiting();
    },
    (error: unknown) => {
      logger().error({ err: error }, 'loading the document failed');
      close('storageUnavailable');
    },
  );

  return { close };
}

function toUint8Array(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
