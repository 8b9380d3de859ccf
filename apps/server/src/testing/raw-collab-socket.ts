import { COLLAB_PATH, MESSAGE_TYPE } from '@plume/protocol';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { type AwarenessEntry, encodeAwarenessEntries } from '../sync/awareness-gate.ts';

/** A bare WebSocket on a note's sync endpoint, for sending frames no honest client would. */
export type RawCollabSocket = {
  readonly socket: WebSocket;
  /** Frames received so far, in order. */
  readonly received: Uint8Array[];
  /** Resolves once the socket is open. */
  readonly opened: Promise<void>;
  /** Resolves with the close code and reason once the socket is closed. */
  readonly closed: Promise<{ code: number; reason: string }>;
  send(frame: Uint8Array): void;
};

/** Opens a raw connection to a note, with a session cookie and an Origin if given; it speaks only when told to. */
export function openRawCollabSocket(
  wsUrl: string,
  noteId: string,
  options: { cookie?: string; origin?: string } = {},
): RawCollabSocket {
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  const socket = new WebSocket(`${wsUrl}${COLLAB_PATH}/${noteId}`, { headers, origin: options.origin });
  const received: Uint8Array[] = [];
  socket.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
  // A refused or reset socket reports an error before its close; the close is what tests read.
  socket.on('error', () => undefined);
  return {
    socket,
    received,
    opened,
    closed,
    send(frame) {
      socket.send(frame);
    },
  };
}

/** Wraps a Yjs update in a y-websocket sync message (sync step 2 when `step2`, else update). */
export function syncUpdateFrame(update: Uint8Array, step2 = false): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_TYPE.sync);
  encoding.writeVarUint(encoder, step2 ? 1 : 2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** Wraps presence entries in a y-websocket awareness message; states need not be valid ones. */
export function awarenessFrame(entries: { clientId: number; clock: number; state: unknown }[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_TYPE.awareness);
  encoding.writeVarUint8Array(encoder, encodeAwarenessEntries(entries as AwarenessEntry[]));
  return encoding.toUint8Array(encoder);
}
