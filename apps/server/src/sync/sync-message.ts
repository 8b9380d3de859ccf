import type { DocumentRules } from '@plume/editor-schema';
import { GUEST_AUTHOR_PREFIX, MESSAGE_TYPE, roleAllows } from '@plume/protocol';
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
import {
  type AwarenessEntry,
  decodeAwarenessUpdate,
  encodeAwarenessEntries,
  type PresenceStamp,
  sanitiseAwarenessState,
} from './awareness-gate.ts';
import { RejectedMessageError } from './rejected-message-error.ts';
import type { Room, RoomMember } from './room.ts';
import { decodeUpdate } from './update-decoder.ts';
import { checkUpdate } from './update-gate.ts';

/** What the gate holds every inbound update to. */
export type UpdatePolicy = {
  readonly rules: DocumentRules;
  /** Most distinct authors whose changes one update may carry. */
  readonly maxClientsPerUpdate: number;
};

/** Who speaks on a connection, as the access check decided when it opened. */
export type ConnectionAuthor = PresenceStamp & {
  /** Whom this connection's edits are credited to: an account id, or a guest's `guestAuthorId`. */
  readonly authorId: string;
  /** Called after each update this connection changed the document with. */
  onEdit(): void;
  /** Called for each update dropped because the connection may not write. */
  onReadOnlyUpdate(): void;
};

/** The messages a server sends to a member that just joined: its state vector and who is present. */
export function encodeGreeting(room: Room): Uint8Array[] {
  const messages: Uint8Array[] = [syncStep1Of(room.doc)];
  const present = [...room.awareness.getStates().keys()];
  if (present.length > 0) messages.push(encodeAwareness(room, present));
  return messages;
}

/**
 * Applies one y-websocket message from `member` to its room and returns the reply, if any.
 * Nothing reaches the document or the presence list before it has passed the gate; refusals
 * throw a RejectedMessageError and leave document, store and other members untouched.
 */
export function handleSyncMessage(
  room: Room,
  member: RoomMember,
  message: Uint8Array,
  policy: UpdatePolicy,
  author: ConnectionAuthor,
): Uint8Array | null {
  const decoder = decoding.createDecoder(message);
  const type = readVarUint(decoder, 'message type');
  switch (type) {
    case MESSAGE_TYPE.sync:
      return handleSync(room, member, decoder, policy, author);
    case MESSAGE_TYPE.awareness:
      handleAwareness(room, member, readPayload(decoder, 'awareness update'), author);
      return null;
    case MESSAGE_TYPE.queryAwareness:
      expectEnd(decoder);
      return encodeAwareness(room, [...room.awareness.getStates().keys()]);
    case MESSAGE_TYPE.stored:
      expectEnd(decoder);
      answerOnceStored(room, member);
      return null;
    default:
      throw new RejectedMessageError('unknownMessageType', `unknown message type ${type}`);
  }
}

function handleSync(
  room: Room,
  member: RoomMember,
  decoder: decoding.Decoder,
  policy: UpdatePolicy,
  author: ConnectionAuthor,
): Uint8Array | null {
  const step = readVarUint(decoder, 'sync step');
  switch (step) {
    case messageYjsSyncStep1: {
      const stateVector = readPayload(decoder, 'state vector');
      try {
        Y.decodeStateVector(stateVector);
      } catch (error) {
        throw new RejectedMessageError(
          'malformedMessage',
          `state vector does not decode (${(error as Error).message})`,
        );
      }
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, MESSAGE_TYPE.sync);
      writeSyncStep2(reply, room.doc, stateVector);
      return encoding.toUint8Array(reply);
    }
    case messageYjsSyncStep2:
    case messageYjsUpdate: {
      const update = readPayload(decoder, 'update');
      // A reader's client may still send what it holds (its sync step 2, a stale offline edit):
      // dropped unread, and the connection stays open for reading.
      if (!roleAllows(author.role, 'write')) {
        author.onReadOnlyUpdate();
        return null;
      }
      try {
        if (applyCheckedUpdate(room, member, author.authorId, update, policy)) author.onEdit();
      } catch (error) {
        // An edit typed between reconnecting and the client's sync step 2 can overtake that step
        // and build on changes the server does not have yet. The server asks for them with its own
        // sync step 1: the client's answer carries them and this edit, and is checked in full. A
        // sync step 2 with a gap has nothing left to wait for, and stays fatal.
        if (step === messageYjsUpdate && error instanceof RejectedMessageError && error.closeCode === 'clockGap') {
          return syncStep1Of(room.doc);
        }
        throw error;
      }
      return null;
    }
    default:
      throw new RejectedMessageError('unknownMessageType', `unknown sync step ${step}`);
  }
}

// Returns whether the document changed.
function applyCheckedUpdate(
  room: Room,
  member: RoomMember,
  authorId: string,
  update: Uint8Array,
  policy: UpdatePolicy,
): boolean {
  const decoded = decodeUpdate(update, { maxClients: policy.maxClientsPerUpdate });
  checkUpdate(room.doc, decoded, policy.rules, {
    isForeignClient(client) {
      const owner = room.ownerOf(client);
      if (owner !== undefined) return owner !== member;
      return isAnotherAuthor(room.authorship.authorOf(client), authorId);
    },
  });
  room.authorship.record(authorId, decoded, room.doc);
  let changed = false;
  const onUpdate = () => {
    changed = true;
  };
  room.doc.on('update', onUpdate);
  try {
    Y.applyUpdate(room.doc, update, member);
  } finally {
    room.doc.off('update', onUpdate);
  }
  const { pendingStructs, pendingDs } = room.doc.store;
  if (pendingStructs !== null || pendingDs !== null) {
    // The gate let through an update Yjs could not finish; this is a bug in the gate.
    throw new Error('an update passed the gate but Yjs parked part of it');
  }
  return changed;
}

// Writing under a client id someone else wrote under would credit them with the text. A guest's
// session can end while its page keeps offline edits under the same id: guests do not hold ids
// against each other, and they keep the first guest's credit.
function isAnotherAuthor(recorded: string | undefined, authorId: string): boolean {
  if (recorded === undefined || recorded === authorId) return false;
  return !(recorded.startsWith(GUEST_AUTHOR_PREFIX) && authorId.startsWith(GUEST_AUTHOR_PREFIX));
}

// Each connection speaks for one client id, the first it announces that nobody else holds.
// y-websocket clients echo the presence of others back to the server: those entries are
// dropped quietly, not treated as an attack.
function handleAwareness(room: Room, member: RoomMember, update: Uint8Array, stamp: PresenceStamp): void {
  const accepted: AwarenessEntry[] = [];
  for (const entry of decodeAwarenessUpdate(update)) {
    const own =
      entry.state === null ? room.ownerOf(entry.clientId) === member : room.claimClientId(member, entry.clientId);
    if (!own) continue;
    accepted.push({ ...entry, state: entry.state && sanitiseAwarenessState(entry.state, entry.clientId, stamp) });
  }
  if (accepted.length > 0) applyAwarenessUpdate(room.awareness, encodeAwarenessEntries(accepted), member);
}

// The state vector is read when the question is: messages are handled in order, so it covers
// every update the asker sent before asking, and the answer leaves only once those are written.
// While the store fails, no answer leaves, and the page keeps saying its edits are not yet saved.
function answerOnceStored(room: Room, member: RoomMember): void {
  const stateVector = Y.encodeStateVector(room.doc);
  void room.flushed().then(() => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_TYPE.stored);
    encoding.writeVarUint8Array(encoder, stateVector);
    member.send(encoding.toUint8Array(encoder));
  });
}

function encodeAwareness(room: Room, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_TYPE.awareness);
  encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(room.awareness, clients));
  return encoding.toUint8Array(encoder);
}

// lib0's decoders throw bare errors on truncated input, or read past the end: these name what
// was missing and insist that the payload ends the message.
function readVarUint(decoder: decoding.Decoder, what: string): number {
  try {
    return decoding.readVarUint(decoder);
  } catch (error) {
    throw new RejectedMessageError('malformedMessage', `truncated message: no ${what} (${(error as Error).message})`);
  }
}

function readPayload(decoder: decoding.Decoder, what: string): Uint8Array {
  const length = readVarUint(decoder, `${what} length`);
  if (decoder.arr.length - decoder.pos !== length) {
    throw new RejectedMessageError(
      'malformedMessage',
      `${what} of ${length} bytes in a message with ${decoder.arr.length - decoder.pos} left`,
    );
  }
  return decoding.readUint8Array(decoder, length);
}

function expectEnd(decoder: decoding.Decoder): void {
  if (decoding.hasContent(decoder))
    throw new RejectedMessageError('malformedMessage', 'bytes after the end of the message');
}

// A sync step 1: the document's state vector, which the client answers with everything it has beyond it.
function syncStep1Of(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_TYPE.sync);
  writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}
