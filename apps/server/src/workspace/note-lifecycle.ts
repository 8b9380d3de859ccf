import { documentUpdateFrom, noteContentOf } from '@plume/editor-schema';
import { createNoteId, NOTE_TITLE_MAX_LENGTH, type NoteStatus } from '@plume/protocol';
import type { AccessStore, DocumentStore, MetadataStore, NoteRecord } from '@plume/storage';
import type { LiveAccess } from '../auth/live-access.ts';
import { RefusalError } from '../refusal-error.ts';
import type { NoteIndexer } from '../search/note-indexer.ts';
import type { RoomRegistry } from '../sync/room-registry.ts';
import type { NoteVersions } from '../versions/note-versions.ts';
import { validatedVersionName } from '../versions/version-names.ts';
import { readNoteDocument } from './read-note-document.ts';
import type { WorkspaceEvents } from './workspace-events.ts';

/** What happens to notes as a whole: creation, copies, workflow moves, the trash and deletion for good. */
export type NoteLifecycle = {
  /** A new draft owned by `ownerId`, empty or holding a template's content. */
  create(
    input: { title: string; themeId: string | null; templateId: string | null },
    ownerId: string,
  ): Promise<NoteRecord>;
  /** A new draft owned by `ownerId` with a copy of the note's current content and its theme. */
  duplicate(source: NoteRecord, title: string | undefined, ownerId: string): Promise<NoteRecord>;
  /** Renames a note or files it under another theme. */
  update(
    note: NoteRecord,
    change: { title?: string | undefined; themeId?: string | null | undefined },
  ): Promise<NoteRecord>;
  /** Moves a note along the workflow, keeping who did it and when; a move to where it already is is kept out of the history. */
  setStatus(note: NoteRecord, status: NoteStatus, by: string | null): Promise<NoteRecord>;
  /** Puts a note in the trash: out of lists and search, every connection to it closed. */
  trash(note: NoteRecord, by: string | null): Promise<void>;
  /** Brings a note back from the trash. */
  restore(note: NoteRecord): Promise<NoteRecord>;
  /**
   * Deletes a trashed note for good: its document, metadata, roles and links. Its id stays known
   * as deleted, so a browser that kept a copy offline can never bring it back.
   */
  purge(note: NoteRecord): Promise<void>;
};

/** Creates the lifecycle over the stores and the live parts that must hear of each change. */
export function createNoteLifecycle(options: {
  notes: MetadataStore;
  documents: DocumentStore;
  access: AccessStore;
  rooms: RoomRegistry;
  live: LiveAccess;
  indexer: NoteIndexer;
  events: WorkspaceEvents;
  /** Frozen on validation and removed with the note; none are kept when absent. */
  versions?: Pick<NoteVersions, 'freeze' | 'forget'>;
  now?: () => Date;
}): NoteLifecycle {
  const { notes, documents, access, rooms, live, indexer, events, versions, now = () => new Date() } = options;

  async function requireTheme(themeId: string | null): Promise<void> {
    if (themeId !== null && !(await notes.listThemes()).some((theme) => theme.id === themeId)) {
      throw new RefusalError('themeNotFound');
    }
  }

  async function createWith(
    fields: { title: string; themeId: string | null; ownerId: string },
    content: unknown,
  ): Promise<NoteRecord> {
    const at = now().toISOString();
    const note: NoteRecord = {
      id: createNoteId(),
      title: fields.title,
      createdAt: at,
      updatedAt: at,
      themeId: fields.themeId,
      status: 'draft',
      statusHistory: [{ from: null, to: 'draft', by: fields.ownerId, at }],
      ownerId: fields.ownerId,
      contributorIds: [],
      wordCount: 0,
      deletedAt: null,
      deletedBy: null,
    };
    // The content is stored before the note exists, so nobody ever opens it half made.
    if (content !== null) await documents.appendUpdate(note.id, documentUpdateFrom(content));
    await notes.createNote(note);
    await access.grants.put({ noteId: note.id, userId: fields.ownerId, role: 'owner' });
    await indexer.refresh(note.id);
    events.notesChanged(note.id);
    return (await notes.getNote(note.id)) ?? note;
  }

  async function changed(noteId: string, patch: Parameters<MetadataStore['updateNote']>[1]): Promise<NoteRecord> {
    const note = await notes.updateNote(noteId, patch);
    if (!note) throw new RefusalError('noteNotFound');
    events.notesChanged(noteId);
    return note;
  }

  return {
    async create({ title, themeId, templateId }, ownerId) {
      await requireTheme(themeId);
      let content: unknown = null;
      if (templateId !== null) {
        const template = await notes.getTemplate(templateId);
        if (!template) throw new RefusalError('templateNotFound');
        content = template.content;
      }
      return createWith({ title, themeId, ownerId }, content);
    },
    async duplicate(source, title, ownerId) {
      const copyTitle = title ?? `${source.title} (copie)`.slice(0, NOTE_TITLE_MAX_LENGTH);
      return createWith(
        { title: copyTitle, themeId: source.themeId, ownerId },
        await readNoteDocument(source.id, rooms, documents, noteContentOf),
      );
    },
    async update(note, change) {
      if (change.themeId !== undefined) await requireTheme(change.themeId);
      const updated = await changed(note.id, {
        ...(change.title !== undefined && { title: change.title }),
        ...(change.themeId !== undefined && { themeId: change.themeId }),
      });
      if (change.title !== undefined) await indexer.refresh(note.id);
      return updated;
    },
    async setStatus(note, status, by) {
      let moved = false;
      const updated = await changed(note.id, (current) => {
        moved = current.status !== status;
        return moved
          ? {
              status,
              statusHistory: [
                ...current.statusHistory,
                { from: current.status, to: status, by, at: now().toISOString() },
              ],
            }
          : {};
      });
      // The validated text is frozen, so that what was validated can always be shown and printed.
      if (moved && status === 'validated') {
        await versions?.freeze(note.id, { kind: 'validated', name: validatedVersionName(now()) });
      }
      return updated;
    },
    async trash(note, by) {
      await changed(note.id, { deletedAt: now().toISOString(), deletedBy: by });
      live.endNote(note.id);
      indexer.remove(note.id);
    },
    async restore(note) {
      const restored = await changed(note.id, { deletedAt: null, deletedBy: null });
      await indexer.refresh(note.id);
      return restored;
    },
    async purge(note) {
      if (note.deletedAt === null) throw new RefusalError('notInTrash');
      live.endNote(note.id);
      // Connections were closed when the note went to the trash; wait until its room is written
      // out and freed, so nothing writes the document again after it is deleted.
      await rooms.settled();
      // Metadata first: from here on the access check answers "no such note" to every caller.
      await notes.purgeNote(note.id, now().toISOString());
      await documents.deleteDocument(note.id);
      await versions?.forget(note.id);
      await access.grants.remove((grant) => grant.noteId === note.id);
      await access.shareLinks.remove((link) => link.noteId === note.id);
      indexer.remove(note.id);
      events.notesChanged(note.id);
    },
  };
}
