import { MESSAGE_TYPE } from '@plume/protocol';
import type { DocumentStore } from '@plume/storage';
import * as encoding from 'lib0/encoding';
import type { Logger } from 'pino';
import { Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import { writeUpdate } from 'y-protocols/sync';
import * as Y from 'yjs';
import { createUpdateWriter, type UpdateWriter } from './update-writer.ts';

/** One side of a room: a connection that receives the room's broadcasts. */
export type RoomMember = {
  /** Sends one binary y-websocket message to this member. */
  send(message: Uint8Array): void;
};

/** The server's group of connections for one note's document, and that document in memory. */
export type Room = {
  readonly noteId: string;
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  readonly writer: UpdateWriter;
  /** Adds a member; it starts receiving document and awareness broadcasts. */
  join(member: RoomMember): void;
  /** Removes a member and the awareness states it set. */
  leave(member: RoomMember): void;
  readonly memberCount: number;
  /** Stops timers and frees the document; the caller has flushed the writer first. */
  destroy(): void;
};

/** Called when the document changed, for instance to record the note's update time. */
export type OnDocumentChange = (noteId: string) => void;

/** Loads a note's document from the store and opens its room. */
export async function openRoom(options: {
  noteId: string;
  store: DocumentStore;
  logger: Logger;
  onDocumentChange: OnDocumentChange;
}): Promise<Room> {
  const { noteId, store, logger, onDocumentChange } = options;
  const doc = new Y.Doc({ gc: true });
  const stored = await store.loadDocument(noteId);
  if (stored !== null) Y.applyUpdate(doc, stored);

  const writer = createUpdateWriter(store, noteId, logger);
  const awareness = new Awareness(doc);
  // The server is not a participant: it holds others' presence but shows none of its own.
  awareness.setLocalState(null);
  const members = new Set<RoomMember>();
  const awarenessIdsByMember = new Map<RoomMember, Set<number>>();

  function broadcast(message: Uint8Array, except?: unknown): void {
    for (const member of members) if (member !== except) member.send(message);
  }

  // Listeners are attached after loading, so the stored state is neither rewritten nor echoed.
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    writer.enqueue(update);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_TYPE.sync);
    writeUpdate(encoder, update);
    broadcast(encoding.toUint8Array(encoder), origin);
    onDocumentChange(noteId);
  });

  awareness.on(
    'update',
    ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      const owned = awarenessIdsByMember.get(origin as RoomMember);
      if (owned) {
        for (const id of added) owned.add(id);
        for (const id of removed) owned.delete(id);
      }
      const changed = [...added, ...updated, ...removed];
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_TYPE.awareness);
      encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, changed));
      broadcast(encoding.toUint8Array(encoder));
    },
  );

  return {
    noteId,
    doc,
    awareness,
    writer,
    join(member) {
      members.add(member);
      awarenessIdsByMember.set(member, new Set());
    },
    leave(member) {
      members.delete(member);
      const owned = awarenessIdsByMember.get(member);
      awarenessIdsByMember.delete(member);
      if (owned && owned.size > 0) removeAwarenessStates(awareness, [...owned], null);
    },
    get memberCount() {
      return members.size;
    },
    destroy() {
      awareness.destroy();
      doc.destroy();
    },
  };
}
