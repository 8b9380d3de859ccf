import type { AuthorshipStore, DocumentStore } from '@plume/storage';
import type { Logger } from 'pino';
import type { Metrics } from '../metrics.ts';
import { type OnDocumentChange, type OnPresenceChange, openRoom, type Room } from './room.ts';

/** The rooms in memory: a note's room is opened with its first connection and closed after its last. */
export type RoomRegistry = {
  /** Returns the note's room, loading its document on first use; pair every call with `release`. */
  acquire(noteId: string): Promise<Room>;
  /** The note's room if it is loaded, without holding it: for a glance at who is there. */
  peek(noteId: string): Room | undefined;
  /** Gives back a room got from `acquire`; the last release flushes and unloads it. */
  release(room: Room): void;
  /** Number of rooms in memory, loading and unloading ones included. */
  readonly size: number;
  /** Whether some room has updates it cannot write. */
  readonly hasFailingWrites: boolean;
  /** Resolves once no room is being loaded or unloaded: every released room is flushed and freed. */
  settled(): Promise<void>;
  /** Flushes and unloads every room; used at shutdown, after connections are closed. */
  closeAll(): Promise<void>;
};

type Entry = { ready: Promise<Room>; room: Room | null; users: number; unloading: Promise<void> | null };

/** Creates the registry of rooms over one document store. */
export function createRoomRegistry(options: {
  store: DocumentStore;
  /** Where each note's authorship is kept. */
  authorshipStore: AuthorshipStore;
  logger: Logger;
  metrics: Metrics;
  onDocumentChange: OnDocumentChange;
  onPresenceChange?: OnPresenceChange;
  /** Called with a room's document once it is written out, just before it is freed. */
  onUnload?: (noteId: string, doc: Room['doc']) => void;
}): RoomRegistry {
  const { store, authorshipStore, logger, metrics, onDocumentChange, onPresenceChange, onUnload } = options;
  const entries = new Map<string, Entry>();

  function load(noteId: string): Entry {
    // The callbacks run after `entry` exists: opening a room is always asynchronous.
    const ready = openRoom({
      noteId,
      store,
      authorshipStore,
      logger,
      metrics,
      onDocumentChange,
      onPresenceChange,
    }).then(
      (room) => {
        entry.room = room;
        logger.debug({ noteId }, 'room loaded');
        return room;
      },
      (error: unknown) => {
        // A failed load must not stay cached: the next connection tries again.
        if (entries.get(noteId) === entry) entries.delete(noteId);
        metrics.openDocuments.set(entries.size);
        throw error;
      },
    );
    const entry: Entry = { ready, room: null, users: 0, unloading: null };
    entries.set(noteId, entry);
    metrics.openDocuments.set(entries.size);
    return entry;
  }

  async function unload(noteId: string, entry: Entry, room: Room): Promise<void> {
    // Waits however long the store needs: a room is never freed with unwritten updates. Someone
    // may take the room and edit while it flushes: then it flushes again, or stays if still held.
    do {
      await room.flushed();
      if (entry.users > 0) return;
    } while (room.hasUnwrittenUpdates);
    entries.delete(noteId);
    metrics.openDocuments.set(entries.size);
    onUnload?.(noteId, room.doc);
    room.destroy();
    try {
      await store.compactDocument(noteId);
    } catch (error) {
      logger.warn({ err: error, noteId }, 'compacting a document failed; its updates stay as they are');
    }
    logger.debug({ noteId }, 'room unloaded');
  }

  function startUnload(noteId: string, entry: Entry, room: Room): void {
    const unloading = unload(noteId, entry, room).finally(() => {
      if (entry.unloading !== unloading) return;
      entry.unloading = null;
      // Taken and given back while this unload waited: nobody else will start the next one.
      if (entry.users === 0 && entries.get(noteId) === entry) startUnload(noteId, entry, room);
    });
    entry.unloading = unloading;
  }

  return {
    async acquire(noteId) {
      const entry = entries.get(noteId) ?? load(noteId);
      entry.users++;
      try {
        return await entry.ready;
      } catch (error) {
        entry.users--;
        throw error;
      }
    },
    peek(noteId) {
      return entries.get(noteId)?.room ?? undefined;
    },
    release(room) {
      const entry = entries.get(room.noteId);
      if (!entry || entry.room !== room || entry.users <= 0) {
        throw new Error(`release of room ${room.noteId} that was not acquired`);
      }
      entry.users--;
      if (entry.users === 0 && entry.unloading === null) startUnload(room.noteId, entry, room);
    },
    get size() {
      return entries.size;
    },
    get hasFailingWrites() {
      for (const entry of entries.values()) if (entry.room?.writer.failing) return true;
      return false;
    },
    async settled() {
      for (;;) {
        const busy = [...entries.values()].flatMap((entry) => {
          if (entry.unloading) return [entry.unloading];
          if (entry.room === null)
            return [
              entry.ready.then(
                () => undefined,
                () => undefined,
              ),
            ];
          return [];
        });
        if (busy.length === 0) return;
        await Promise.all(busy);
      }
    },
    async closeAll() {
      await this.settled();
      await Promise.all(
        [...entries.entries()].map(async ([noteId, entry]) => {
          const room = await entry.ready;
          await room.flushed();
          entries.delete(noteId);
          metrics.openDocuments.set(entries.size);
          onUnload?.(noteId, room.doc);
          room.destroy();
        }),
      );
    },
  };
}
