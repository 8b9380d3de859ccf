import { once } from 'node:events';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import {
  messageYjsSyncStep1,
  messageYjsSyncStep2,
  writeSyncStep1,
  writeSyncStep2,
  writeUpdate,
} from 'y-protocols/sync';
import * as Y from 'yjs';
import type { Wire } from './wire.ts';

/** y-websocket's top-level message type for sync steps and updates. */
const MESSAGE_SYNC = 0;

/**
 * A lightweight load-generating client: it writes real Yjs updates from its own small Y.Doc, but
 * never applies what it receives (it hands raw frames to `onFrame`), so hundreds of them in one
 * process cost less than the server they drive.
 */
export type BenchClient = {
  /** Resolves once the server answered the client's first sync step with the document. */
  readonly synced: Promise<void>;
  /** Bytes of every frame received from the server so far. */
  readonly bytesReceived: number;
  /** Appends `text` to this client's own paragraph; the resulting update goes to the server. */
  type(text: string): void;
  /** Sends an update made elsewhere (a stored history), as a sync update message. */
  sendUpdate(update: Uint8Array): void;
  /** Sends a sync step 1 and resolves on the next sync step 2: every earlier message was applied. */
  roundTrip(): Promise<void>;
  /** Closes the socket and resolves once it is closed. */
  close(): Promise<void>;
};

/** Options of `connectBenchClient`; `clientId` must be unique across the run (Yjs client ids). */
export type BenchClientOptions = {
  wire: Wire;
  port: number;
  room: string;
  clientId: number;
  /** Called with every received frame and its arrival time (performance.now()). */
  onFrame?: (frame: Buffer, at: number) => void;
};

/** Opens a bench client's socket and starts its sync handshake. */
export function connectBenchClient(options: BenchClientOptions): BenchClient {
  const { wire, port, room, clientId, onFrame } = options;
  const doc = new Y.Doc();
  doc.clientID = clientId;
  let paragraph: Y.XmlText | null = null;
  let bytesReceived = 0;
  const awaitingStep2: (() => void)[] = [];

  // Browsers offer permessage-deflate; Plume and the plain server (ws defaults) would refuse it, so
  // it is off for everyone: the bench compares sync servers, not compressors.
  const socket = new WebSocket(wire.url(port, room), { perMessageDeflate: false, headers: wire.headers });
  const send = (message: Uint8Array) => socket.send(wire.encode(room, message));
  const syncMessage = (write: (encoder: encoding.Encoder) => void) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    write(encoder);
    return encoding.toUint8Array(encoder);
  };
  const roundTrip = () =>
    new Promise<void>((resolve) => {
      awaitingStep2.push(() => resolve());
      send(syncMessage((encoder) => writeSyncStep1(encoder, doc)));
    });

  doc.on('update', (update: Uint8Array) => send(syncMessage((encoder) => writeUpdate(encoder, update))));

  const opened = once(socket, 'open');
  const synced = opened.then(() => {
    for (const message of wire.hello(room)) socket.send(message);
    return roundTrip();
  });
  // A refused or dropped socket surfaces through `synced` never resolving; say why on stderr.
  socket.on('error', (error) => console.error(`bench client ${clientId} on ${room}: ${error.message}`));

  socket.on('message', (data: Buffer) => {
    const at = performance.now();
    bytesReceived += data.byteLength;
    const decoder = decoding.createDecoder(data);
    decoder.pos = wire.bodyOffset(data);
    if (wire.syncTypes.includes(decoding.readVarUint(decoder))) {
      const step = decoding.readVarUint(decoder);
      if (step === messageYjsSyncStep1) {
        // The server asks for what this client has: its own few edits, never others'.
        const stateVector = decoding.readVarUint8Array(decoder);
        send(syncMessage((encoder) => writeSyncStep2(encoder, doc, stateVector)));
      } else if (step === messageYjsSyncStep2) {
        awaitingStep2.shift()?.();
      }
    }
    onFrame?.(data, at);
  });

  return {
    synced,
    get bytesReceived() {
      return bytesReceived;
    },
    type(text) {
      // One transaction, so the first edit is one update that also creates the paragraph.
      doc.transact(() => {
        if (paragraph === null) {
          // Tiptap's document shape: paragraphs in the `default` XML fragment.
          const element = new Y.XmlElement('paragraph');
          paragraph = new Y.XmlText();
          element.insert(0, [paragraph]);
          doc.getXmlFragment('default').insert(0, [element]);
        }
        paragraph.insert(paragraph.length, text);
      });
    },
    sendUpdate(update) {
      send(syncMessage((encoder) => writeUpdate(encoder, update)));
    },
    roundTrip,
    async close() {
      if (socket.readyState === WebSocket.CLOSED) return;
      const closed = once(socket, 'close');
      socket.close();
      await closed;
      doc.destroy();
    },
  };
}
