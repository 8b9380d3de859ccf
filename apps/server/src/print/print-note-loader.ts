import { noteContentOf } from '@plume/editor-schema';
import type { MetadataStore } from '@plume/storage';
import { RefusalError } from '../refusal-error.ts';
import type { RoomRegistry } from '../sync/room-registry.ts';
import { documentVersion } from './document-version.ts';
import type { PrintLanguage, PrintNote } from './print-types.ts';
import { printWords } from './print-words.ts';

/** What loading a note for print reads from: its metadata and themes, and the rooms holding documents. */
export type PrintNoteSources = { notes: MetadataStore; rooms: RoomRegistry };

/**
 * Reads a note's metadata and document as they are now, for print in `language`. Access is the
 * caller's business; a note that is unknown or in the trash is refused with `noteNotFound`.
 */
export async function loadPrintNote(
  sources: PrintNoteSources,
  noteId: string,
  language: PrintLanguage,
): Promise<PrintNote> {
  const { notes, rooms } = sources;
  const note = await notes.getNote(noteId);
  if (!note || note.deletedAt !== null) throw new RefusalError('noteNotFound');
  const theme = note.themeId === null ? undefined : (await notes.listThemes()).find(({ id }) => id === note.themeId);
  const room = await rooms.acquire(noteId);
  try {
    // Content and version come from the same state of the document: nothing runs between the two reads.
    return {
      id: note.id,
      title: note.title,
      theme: theme?.name ?? null,
      statusLabel: printWords(language).status[note.status],
      version: documentVersion(room.doc),
      date: new Date(note.updatedAt),
      content: noteContentOf(room.doc),
    };
  } finally {
    rooms.release(room);
  }
}
