import type { DocumentStore } from '@plume/storage';
import * as Y from 'yjs';
import type { RoomRegistry } from '../sync/room-registry.ts';

/**
 * Reads a note's document without holding its room: the loaded room's copy when there is one (the
 * freshest), else a temporary copy from the store, freed afterwards.
 */
export async function readNoteDocument<T>(
  noteId: string,
  rooms: RoomRegistry,
  documents: DocumentStore,
  read: (doc: Y.Doc) => T,
): Promise<T> {
  const room = rooms.peek(noteId);
  if (room) return read(room.doc);
  const doc = new Y.Doc();
  try {
    const stored = await documents.loadDocument(noteId);
    if (stored) Y.applyUpdate(doc, stored);
    return read(doc);
  } finally {
    doc.destroy();
  }
}
