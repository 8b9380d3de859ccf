import { AuthMessageType } from '@hocuspocus/common';
import { MessageType } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Wire } from './wire.ts';

/**
 * Hocuspocus framing: every message starts with its document name (a varString), so one socket
 * can carry several documents, and a document's first message must be an auth token.
 */
export function createHocuspocusWire(): Wire {
  return {
    url: (port) => `ws://127.0.0.1:${port}/`,
    hello(room) {
      const encoder = encoding.createEncoder();
      encoding.writeVarString(encoder, room);
      encoding.writeVarUint(encoder, MessageType.Auth);
      encoding.writeVarUint(encoder, AuthMessageType.Token);
      // The server runs no onAuthenticate hook, so any token passes, as with the other two.
      encoding.writeVarString(encoder, '');
      return [encoding.toUint8Array(encoder)];
    },
    encode(room, message) {
      const encoder = encoding.createEncoder();
      encoding.writeVarString(encoder, room);
      encoding.writeUint8Array(encoder, message);
      return encoding.toUint8Array(encoder);
    },
    bodyOffset(frame) {
      const decoder = decoding.createDecoder(frame);
      decoding.readVarString(decoder);
      return decoder.pos;
    },
    // SyncReply is a sync message after which the server does not ask for the client's state again.
    syncTypes: [MessageType.Sync, MessageType.SyncReply],
    headers: {},
  };
}
