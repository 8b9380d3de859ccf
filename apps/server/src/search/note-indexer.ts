import { countWords } from '@plume/editor-schema';
import type { DocumentStore, MetadataStore } from '@plume/storage';
import type { Logger } from 'pino';
import type { RoomRegistry } from '../sync/room-registry.ts';
import { noteAsPlainText } from '../workspace/note-plain-text.ts';
import { readNoteDocument } from '../workspace/read-note-document.ts';
import type { WorkspaceEvents } from '../workspace/workspace-events.ts';
import type { SearchIndex } from './search-index.ts';

/** Longest a change waits before the search index and the word count reflect it, in milliseconds. */
export const REINDEX_DELAY_MS = 1_000;

/** Notes indexed side by side while the index is built at start. */
const STARTUP_CONCURRENCY = 8;

/** Keeps the search index and each note's word count in step with the notes' content. */
export type NoteIndexer = {
  /** Resolves once every note was indexed after start; searches wait for it. */
  readonly ready: Promise<void>;
  /** A note's content changed: re-index it within `REINDEX_DELAY_MS`. */
  contentChanged(noteId: string): void;
  /** Indexes a note now (a new, restored or renamed note), or removes it if it is gone or in the trash. */
  refresh(noteId: string): Promise<void>;
  /** Takes a note out of the index at once. */
  remove(noteId: string): void;
  /** Re-indexes what is pending; used at shutdown, before the stores close. */
  flush(): Promise<void>;
};

/** Creates the indexer and starts indexing every note in the background. */
export function createNoteIndexer(options: {
  index: SearchIndex;
  notes: MetadataStore;
  documents: DocumentStore;
  rooms: RoomRegistry;
  events: WorkspaceEvents;
  logger: Logger;
}): NoteIndexer {
  const { index, notes, documents, rooms, events, logger } = options;
  const timers = new Map<string, NodeJS.Timeout>();
  const running = new Set<Promise<void>>();

  async function refresh(noteId: string): Promise<void> {
    const note = await notes.getNote(noteId);
    if (!note || note.deletedAt !== null) {
      index.remove(noteId);
      return;
    }
    const text = await readNoteDocument(noteId, rooms, documents, noteAsPlainText);
    // The note may have gone to the trash while its text was read.
    const current = await notes.getNote(noteId);
    if (!current || current.deletedAt !== null) {
      index.remove(noteId);
      return;
    }
    index.put(noteId, current.title, text);
    const wordCount = countWords(text);
    if (wordCount !== note.wordCount) {
      await notes.updateNote(noteId, { wordCount });
      events.notesChanged(noteId);
    }
  }

  function track(work: Promise<void>, noteId: string): void {
    const tracked = work
      .catch((error: unknown) =>
        logger.warn({ err: error, noteId }, 'indexing a note failed; it is retried at its next change'),
      )
      .finally(() => running.delete(tracked));
    running.add(tracked);
  }

  const ready = (async () => {
    const started = performance.now();
    const all = await notes.listNotes();
    // A few at a time: reads overlap, and word-count writes that overlap are coalesced by the store.
    const queue = all.map((note) => note.id);
    const worker = async () => {
      for (let noteId = queue.shift(); noteId !== undefined; noteId = queue.shift()) {
        try {
          await refresh(noteId);
        } catch (error) {
          logger.warn({ err: error, noteId }, 'indexing a note at start failed');
        }
      }
    };
    await Promise.all(Array.from({ length: STARTUP_CONCURRENCY }, worker));
    logger.info({ notes: all.length, ms: Math.round(performance.now() - started) }, 'search index built');
  })();

  return {
    ready,
    contentChanged(noteId) {
      // Not a sliding delay: someone typing without pause still sees results every second.
      if (timers.has(noteId)) return;
      timers.set(
        noteId,
        setTimeout(() => {
          timers.delete(noteId);
          track(refresh(noteId), noteId);
        }, REINDEX_DELAY_MS),
      );
    },
    refresh,
    remove(noteId) {
      clearTimeout(timers.get(noteId));
      timers.delete(noteId);
      index.remove(noteId);
    },
    async flush() {
      await ready;
      for (const [noteId, timer] of timers) {
        clearTimeout(timer);
        timers.delete(noteId);
        track(refresh(noteId), noteId);
      }
      await Promise.all(running);
    },
  };
}
