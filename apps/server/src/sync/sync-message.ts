import { MESSAGE_TYPE } from '@plume/protocol';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import {
  messageYjsSyncStep1,
  messageYjsSyncStep2,
  messageYjsUpdate,
  writeSyncStep1,
  writeSyncStep2,
} from 'y-protocols/sync';
import * as Y from 'yjs';
import type { Room, RoomMember } from './room.ts';

/** A message the server cannot accept; the connection that sent it is closed with `closeCode`. */
export class RejectedMessageError extends Error {
  readonly closeCode: 'malformedMessage' | 'unknownMessageType';

  constructor(closeCode: RejectedMessageError['closeCode'], message: string) {
    super(message);
    this.name = 'RejectedMessageError';
    this.closeCode = closeCode;
  }
}

/** The messages a server sends to a member that just joined: its state vector and who is present. */
export function encodeGreeting(room: Room): Uint8Array[] {
  const syncStep1 = encoding.createEncoder();
  encoding.writeVarUint(syncStep1, MESSAGE_TYPE.sync);
  writeSyncStep1(syncStep1, room.doc);
  const messages: Uint8Array[] = [encoding.toUint8Array(syncStep1)];
  const present = [...room.awareness.getStates().keys()];
  if (present.length > 0) messages.push(encodeAwareness(room, present));
  return messages;
}

/**
 * Applies one y-websocket message from `member` to its room and returns the reply, if any.
 * Unlike y-protocols' readSyncMessage, errors are thrown to the caller, never logged and ignored.
 */
export function handleSyncMessage(room: Room, member: RoomMember, message: Uint8Array): Uint8Array | null {
  const decoder = decoding.createDecoder(message);
  const type = readVarUint(decoder, 'message type');
  switch (type) {
    case MESSAGE_TYPE.sync:
      return handleSync(room, member, decoder);
    case MESSAGE_TYPE.awareness:
      applyAwarenessUpdate(room.awareness, readVarUint8Array(decoder, 'awareness update'), member);
      return null;
    case MESSAGE_TYPE.queryAwareness:
      return encodeAwareness(room, [...room.awareness.getStates().keys()]);
    default:
      throw new RejectedMessageError('unknownMessageType', `unknown message type ${type}`);
  }
}

function handleSync(room: Room, member: RoomMember, decoder: decoding.Decoder): Uint8Array | null {
  const step = readVarUint(decoder, 'sync step');
  switch (step) {
    case messageYjsSyncStep1: {
      const stateVector = readVarUint8Array(decoder, 'state vector');
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, MESSAGE_TYPE.sync);
      writeSyncStep2(reply, room.doc, stateVector);
      return encoding.toUint8Array(reply);
    }
    case messageYjsSyncStep2:
    case messageYjsUpdate:
      Y.applyUpdate(room.doc, readVarUint8Array(decoder, 'update'), member);
      return null;
    default:
      throw new RejectedMessageError('unknownMessageType', `unknown sync step ${step}`);
  }
}

function encodeAwareness(room: Room, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_TYPE.awareness);
  encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(room.awareness, clients));
  return encoding.toUint8Array(encoder);
}

// lib0's decoders throw bare errors on truncated input; these name what was missing.
function readVarUint(decoder: decoding.Decoder, what: string): number {
  try {
    return decoding.readVarUint(decoder);
  } catch (error) {
    throw new RejectedMessageError('malformedMessage', `truncated message: no ${what} (${(error as Error).message})`);
  }
}

function readVarUint8Array(decoder: decoding.Decoder, what: string): Uint8Array {
  try {
    return decoding.readVarUint8Array(decoder);
  } catch (error) {
    throw new RejectedMessageError('malformedMessage', `truncated message: no ${what} (${(error as Error).message})`);
  }
}
