import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { createDeferredJob } from './deferred-job.ts';

/** The IndexedDB database keeping a note in this browser is named this, then the note's id. */
const DATABASE_PREFIX = 'plume-note-';

/** An empty database, opened once per page to learn whether IndexedDB works here. */
const PROBE_DATABASE = 'plume-probe';

/** Where the ids of the notes kept are listed, for browsers that cannot list their databases. */
const KEPT_NOTES_KEY = 'plume.offlineNotes';

/** Longest wait before the person's own changes are written when the page draws no frame, in milliseconds. */
const LOCAL_WRITE_LATEST_MS = 50;

/** Longest wait before co-authors' changes, which the server already holds, are written, in milliseconds. */
const REMOTE_WRITE_LATEST_MS = 1000;

/** A note's document kept in this browser's IndexedDB, so edits outlive the tab that made them. */
export type OfflineCopy = {
  /**
   * Resolves once what the browser kept is in the document: true, or false when IndexedDB cannot
   * be used here (storage blocked, some private modes). Never rejects.
   */
  readonly loaded: Promise<boolean>;
  /** Whether the copy is being kept: false until loaded, and for good when IndexedDB is unavailable. */
  readonly available: boolean;
  /** Writes at once the changes waiting to be written (they are written in batches, see keepOfflineCopy). */
  flush(): void;
  /** Stops keeping the copy and erases it from the browser. */
  forget(): Promise<void>;
};

/**
 * Keeps `doc` in the browser under the note's id: what an earlier tab kept is merged into it, and
 * every change is written: the person's own once the frame showing it is painted (50 ms at most),
 * co-authors' within a second, each batch merged into one write. Destroying the document writes
 * what waits, then closes the copy.
 */
export function keepOfflineCopy(noteId: string, doc: Y.Doc, storage: Storage): OfflineCopy {
  const name = DATABASE_PREFIX + noteId;
  let persistence: IndexeddbPersistence | null = null;
  let closed = false;
  let available = false;
  let waiting: Uint8Array[] = [];
  const writes = createDeferredJob(
    () => {
      const updates = waiting;
      waiting = [];
      if (updates.length === 0 || persistence === null) return;
      // y-indexeddb's own writer, given one merged update; an origin other than the persistence
      // is written.
      persistence._storeUpdate(updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates), null);
    },
    { latestMs: LOCAL_WRITE_LATEST_MS, lazyMs: REMOTE_WRITE_LATEST_MS },
  );
  // Registered before y-indexeddb's own listener: it runs first, while the database is still open.
  doc.on('destroy', () => {
    writes.flush();
    closed = true;
    available = false;
  });
  const loaded = indexedDbWorks().then((works) => {
    if (!works || closed) return false;
    rememberKept(storage, noteId);
    const opened = new IndexeddbPersistence(name, doc);
    persistence = opened;
    // y-indexeddb writes each update inside the transaction that made it, a key press included.
    doc.off('update', opened._storeUpdate);
    doc.on('update', (update: Uint8Array, origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
      // What the copy itself brought back is in it already.
      if (origin === opened || opened._destroyed) return;
      waiting.push(update);
      writes.schedule(transaction.local);
    });
    return opened.whenSynced.then(() => {
      available = !closed;
      return available;
    });
  });
  return {
    loaded,
    get available() {
      return available;
    },
    flush: writes.flush,
    forget() {
      closed = true;
      available = false;
      // The copy is being erased: what waits to be written goes with it.
      writes.cancel();
      waiting = [];
      const closing = persistence ? persistence.destroy() : Promise.resolve();
      return Promise.all([indexedDbWorks(), closing])
        .then(([works]) => (works ? deleteDatabase(name) : undefined))
        .then(() => forgetKept(storage, [noteId]));
    },
  };
}

/**
 * Erases every note this browser keeps, so that a shared computer holds nothing once its user has
 * signed out. A note page still open keeps its database until it closes; the erasing waits for it.
 */
export function forgetOfflineCopies(storage: Storage): Promise<void> {
  const kept = keptNotes(storage);
  return indexedDbWorks()
    .then((works) => {
      if (!works) return undefined;
      const names = new Set([PROBE_DATABASE, ...kept.map((noteId) => DATABASE_PREFIX + noteId)]);
      // Firefox before 126 cannot list databases: the list in localStorage is all there is then.
      const listed = typeof indexedDB.databases === 'function' ? indexedDB.databases() : Promise.resolve([]);
      return listed.then((databases) => {
        for (const { name } of databases) if (name?.startsWith(DATABASE_PREFIX)) names.add(name);
        return Promise.all([...names].map(deleteDatabase));
      });
    })
    .then(() => forgetKept(storage, kept));
}

let probe: Promise<boolean> | null = null;

// y-indexeddb leaves a failed open unhandled and never says it is loaded: it is only used once a
// database of our own has opened.
function indexedDbWorks(): Promise<boolean> {
  probe ??= new Promise<boolean>((resolve) => {
    if (typeof indexedDB === 'undefined') {
      resolve(false);
      return;
    }
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(PROBE_DATABASE);
    } catch (error) {
      // Storage blocked in the browser's settings throws a SecurityError here.
      if (error instanceof DOMException) {
        resolve(false);
        return;
      }
      throw error;
    }
    request.onsuccess = () => {
      request.result.close();
      resolve(true);
    };
    request.onerror = (event) => {
      // Handled: the page works without its offline copy.
      event.preventDefault();
      resolve(false);
    };
  });
  return probe;
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    // While another tab holds the database open, the request waits ("blocked") until it closes.
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`deleting the database ${name} failed`));
  });
}

function keptNotes(storage: Storage): string[] {
  const raw = storage.getItem(KEPT_NOTES_KEY);
  if (raw === null) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : [];
  } catch (error) {
    if (error instanceof SyntaxError) return [];
    throw error;
  }
}

function rememberKept(storage: Storage, noteId: string): void {
  const kept = keptNotes(storage);
  if (kept.includes(noteId)) return;
  writeKept(storage, [...kept, noteId]);
}

function forgetKept(storage: Storage, noteIds: readonly string[]): void {
  const kept = keptNotes(storage);
  const left = kept.filter((noteId) => !noteIds.includes(noteId));
  if (left.length !== kept.length) writeKept(storage, left);
}

function writeKept(storage: Storage, noteIds: readonly string[]): void {
  try {
    if (noteIds.length === 0) storage.removeItem(KEPT_NOTES_KEY);
    else storage.setItem(KEPT_NOTES_KEY, JSON.stringify(noteIds));
  } catch (error) {
    // A full or blocked localStorage costs only the fallback list: indexedDB.databases() still finds the copies.
    if (!(error instanceof DOMException)) throw error;
  }
}
