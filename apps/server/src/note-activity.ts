import type { MetadataStore } from '@plume/storage';
import type { Logger } from 'pino';

/** Shortest time between two writes of one note's update time, in milliseconds. */
const TOUCH_INTERVAL_MS = 5_000;

/** Records when notes change, writing each note's update time at most once per interval. */
export type NoteActivity = {
  /** Notes that a note's document just changed. */
  noteChanged(noteId: string): void;
  /** Writes every pending update time; used at shutdown. */
  flush(): Promise<void>;
};

/** Creates the recorder of note activity over a metadata store. */
export function createNoteActivity(
  notes: MetadataStore,
  logger: Logger,
  now: () => Date = () => new Date(),
): NoteActivity {
  const timers = new Map<string, NodeJS.Timeout>();
  const lastChange = new Map<string, string>();
  const writes = new Set<Promise<void>>();

  function write(noteId: string): void {
    timers.delete(noteId);
    const at = lastChange.get(noteId);
    lastChange.delete(noteId);
    if (at === undefined) return;
    const writing = notes
      .touchNote(noteId, at)
      .catch((error: unknown) => logger.warn({ err: error, noteId }, 'recording the update time failed'))
      .finally(() => writes.delete(writing));
    writes.add(writing);
  }

  return {
    noteChanged(noteId) {
      lastChange.set(noteId, now().toISOString());
      if (!timers.has(noteId))
        timers.set(
          noteId,
          setTimeout(() => write(noteId), TOUCH_INTERVAL_MS),
        );
    },
    async flush() {
      for (const [noteId, timer] of timers) {
        clearTimeout(timer);
        write(noteId);
      }
      await Promise.all(writes);
    },
  };
}
