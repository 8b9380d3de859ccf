import {
  isSafeColor,
  type NoteDetail,
  type NoteRole,
  type NoteSummary,
  type NoteView,
  type PersonRef,
  type PresentPerson,
  readingMinutes,
  type TrashedNote,
} from '@plume/protocol';
import type { AccessStore, NoteRecord } from '@plume/storage';
import type { RoomRegistry } from '../sync/room-registry.ts';

/** Turns stored note records into what the JSON API answers, resolving people and presence. */
export type NotePresenter = {
  summary(note: NoteRecord): NoteSummary;
  view(note: NoteRecord, role: NoteRole): NoteView;
  detail(note: NoteRecord, role: NoteRole): NoteDetail;
  trashed(note: NoteRecord, role: NoteRole): TrashedNote;
  /** Who is in a note right now, one entry per name, as their presence shows them. */
  presentIn(noteId: string): PresentPerson[];
};

/** Creates the presenter over the accounts (for names) and the rooms (for presence). */
export function createNotePresenter(access: AccessStore, rooms: RoomRegistry): NotePresenter {
  function person(userId: string | null): PersonRef | null {
    if (userId === null) return null;
    const user = access.users.find((candidate) => candidate.id === userId);
    return user ? { id: user.id, name: user.name } : null;
  }

  function presentIn(noteId: string): PresentPerson[] {
    const room = rooms.peek(noteId);
    if (!room) return [];
    const byName = new Map<string, PresentPerson>();
    for (const state of room.awareness.getStates().values()) {
      // The awareness gate already stamped and bounded every state; this only picks the fields.
      const user = (state as { user?: { name?: unknown; color?: unknown } }).user;
      if (typeof user?.name === 'string' && isSafeColor(user.color)) {
        byName.set(user.name, { name: user.name, color: user.color });
      }
    }
    return [...byName.values()];
  }

  function summary(note: NoteRecord): NoteSummary {
    return {
      id: note.id,
      title: note.title,
      createdAt: note.createdAt,
      updatedAt: note.updatedAt,
      themeId: note.themeId,
      status: note.status,
      owner: person(note.ownerId),
      contributors: note.contributorIds.flatMap((id) => person(id) ?? []),
      wordCount: note.wordCount,
      readingMinutes: readingMinutes(note.wordCount),
    };
  }

  const view = (note: NoteRecord, role: NoteRole): NoteView => ({
    ...summary(note),
    role,
    present: presentIn(note.id),
  });

  return {
    summary,
    view,
    presentIn,
    detail: (note, role) => ({
      ...view(note, role),
      statusHistory: note.statusHistory.map((change) => ({ ...change, by: person(change.by) })),
    }),
    trashed: (note, role) => ({
      ...summary(note),
      role,
      deletedAt: note.deletedAt ?? note.updatedAt,
      deletedBy: person(note.deletedBy),
    }),
  };
}
