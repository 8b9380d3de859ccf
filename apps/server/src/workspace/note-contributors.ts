import type { MetadataStore } from '@plume/storage';
import type { Logger } from 'pino';
import type { WorkspaceEvents } from './workspace-events.ts';

/** Records which accounts edited which notes. */
export type NoteContributors = {
  /** An account's edit reached a note; cheap when it is already a contributor, as it is on every keystroke. */
  edited(noteId: string, userId: string): void;
};

/** Creates the recorder; what it already knows is kept in memory. */
export function createNoteContributors(
  notes: MetadataStore,
  events: WorkspaceEvents,
  logger: Logger,
): NoteContributors {
  const known = new Set<string>();

  async function record(noteId: string, userId: string): Promise<void> {
    const note = await notes.getNote(noteId);
    if (!note || note.contributorIds.includes(userId)) return;
    await notes.updateNote(noteId, (current) => ({
      contributorIds: current.contributorIds.includes(userId)
        ? current.contributorIds
        : [...current.contributorIds, userId],
    }));
    events.notesChanged(noteId);
  }

  return {
    edited(noteId, userId) {
      const key = `${noteId} ${userId}`;
      if (known.has(key)) return;
      known.add(key);
      record(noteId, userId).catch((error: unknown) => {
        known.delete(key);
        logger.warn({ err: error, noteId }, 'recording a contributor failed');
      });
    },
  };
}
