import { type NoteContent, noteContentOf } from '@plume/editor-schema';
import type { MetadataStore, NoteRecord, VersionRecord } from '@plume/storage';
import { RefusalError } from '../refusal-error.ts';
import type { RoomRegistry } from '../sync/room-registry.ts';
import { documentVersion } from './document-version.ts';
import type { PrintLanguage, PrintNote } from './print-types.ts';
import { frozenVersionLabel, printWords } from './print-words.ts';

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
  const note = await noteOf(notes, noteId);
  // No await between the metadata and the room for a note without a theme: a room released a
  // moment ago is found still loaded instead of racing its unload.
  const theme = note.themeId === null ? null : await themeNameOf(notes, note.themeId);
  const room = await rooms.acquire(noteId);
  try {
    // Content and version come from the same state of the document: nothing runs between the two reads.
    return {
      id: note.id,
      title: note.title,
      theme,
      statusLabel: printWords(language).status[note.status],
      version: documentVersion(room.doc),
      date: new Date(note.updatedAt),
      content: noteContentOf(room.doc),
    };
  } finally {
    rooms.release(room);
  }
}

/** Where a note's frozen versions are read from: `NoteVersions.get`. */
export type PrintVersionSource = {
  get(noteId: string, versionId: string): Promise<{ version: VersionRecord; content: unknown } | null>;
};

/**
 * Reads one frozen version of a note for print in `language`: the note's metadata as it is now,
 * the version's content, dated when it was frozen and named by its name or date. Refuses with
 * `noteNotFound` as `loadPrintNote` does, and with `versionNotFound` when the note has no such version.
 */
export async function loadPrintVersion(
  sources: PrintNoteSources & { versions: PrintVersionSource },
  noteId: string,
  versionId: string,
  language: PrintLanguage,
): Promise<PrintNote> {
  const note = await noteOf(sources.notes, noteId);
  const found = await sources.versions.get(noteId, versionId);
  if (!found) throw new RefusalError('versionNotFound');
  const { version, content } = found;
  return {
    id: note.id,
    title: note.title,
    theme: note.themeId === null ? null : await themeNameOf(sources.notes, note.themeId),
    statusLabel: printWords(language).status[note.status],
    version: frozenVersionLabel(version, language),
    frozen: { id: version.id, name: version.name, createdAt: version.createdAt },
    date: new Date(version.createdAt),
    content: asNoteContent(content),
  };
}

async function noteOf(notes: MetadataStore, noteId: string): Promise<NoteRecord> {
  const note = await notes.getNote(noteId);
  if (!note || note.deletedAt !== null) throw new RefusalError('noteNotFound');
  return note;
}

async function themeNameOf(notes: MetadataStore, themeId: string): Promise<string | null> {
  return (await notes.listThemes()).find(({ id }) => id === themeId)?.name ?? null;
}

// A version's content was read from a Yjs document by the editor schema, as the live one is.
function asNoteContent(content: unknown): NoteContent {
  if (typeof content !== 'object' || content === null || (content as { type?: unknown }).type !== 'doc')
    throw new Error("a version's content is not a ProseMirror document");
  return content as NoteContent;
}
