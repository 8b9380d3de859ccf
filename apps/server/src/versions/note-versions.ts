import { createHash } from 'node:crypto';
import {
  countWords,
  createDocumentRules,
  type DocumentRules,
  noteContentOf,
  replaceNoteContent,
} from '@plume/editor-schema';
import { type ChangeTally, CURRENT_STATE, VERSION_NAME_MAX_LENGTH } from '@plume/protocol';
import type { AuthorshipStore, DocumentStore, VersionRecord, VersionStore } from '@plume/storage';
import type { Logger } from 'pino';
import * as Y from 'yjs';
import { compareStates } from '../authorship/compare-states.ts';
import { loadNoteAuthorship, type NoteAuthorship } from '../authorship/note-authorship.ts';
import { RefusalError } from '../refusal-error.ts';
import type { Room } from '../sync/room.ts';
import type { RoomRegistry } from '../sync/room-registry.ts';
import { decodeUpdate } from '../sync/update-decoder.ts';
import { checkUpdate } from '../sync/update-gate.ts';
import { noteAsPlainText } from '../workspace/note-plain-text.ts';
import { thinVersions } from './thin-versions.ts';
import { BURST_IDLE_MS, BURST_MAX_MS } from './version-bounds.ts';
import { createVersionIds } from './version-id.ts';
import { restoredVersionName } from './version-names.ts';

/** The origin of the transaction a restore applies to a live document. */
export const RESTORE_ORIGIN = Symbol('version restore');

/** Two states of a note compared: the newer content with its changes marked, and who changed how much. */
export type Comparison = { from: VersionRecord; to: VersionRecord | null; content: unknown; tallies: ChangeTally[] };

/** A version and its content as ProseMirror JSON. */
export type VersionWithContent = { version: VersionRecord; content: unknown };

/** Keeps each note's versions: automatic ones per burst of editing, named and validated ones on demand, and restores. */
export type NoteVersions = {
  /** A note's document changed: starts or extends its burst of editing. */
  documentChanged(noteId: string): void;
  /** An account's edit reached a note; it is an author of the next version. */
  edited(noteId: string, userId: string): void;
  /** A note's room is about to be freed: an unfinished burst is frozen from `doc` now. */
  roomUnloading(noteId: string, doc: Y.Doc): void;
  /** A note's versions, newest first. */
  list(noteId: string): Promise<VersionRecord[]>;
  /** One version with its content, or null when the note has no such version. */
  get(noteId: string, versionId: string): Promise<VersionWithContent | null>;
  /** Freezes the note as it is now under a name, even when nothing changed since the last version. */
  freeze(noteId: string, version: { kind: 'named' | 'validated'; name: string }): Promise<VersionRecord>;
  /**
   * Brings back a version as a new change that every connected client receives: freezes the
   * current state first if it changed, applies one transaction, then records a `restored` version,
   * which it returns. Refuses with `versionNotFound`.
   */
  restore(noteId: string, versionId: string, by: string | null): Promise<VersionRecord>;
  /**
   * Compares two versions, or a version with the note as it is now (`CURRENT_STATE`), older to
   * newer whatever order they come in. Refuses with `versionNotFound`.
   */
  compare(noteId: string, fromId: string, toId: string): Promise<Comparison>;
  /** Everyone who wrote in the note since authorship is recorded, with the client ids they wrote under. */
  authorsOf(noteId: string): Promise<Map<string, number[]>>;
  /** Ends every burst of editing now, freezing what changed; resolves once written. */
  endBursts(): Promise<void>;
  /** Stops keeping a note's versions and removes them, as when the note is deleted for good. */
  forget(noteId: string): Promise<void>;
  /** Freezes unfinished bursts and waits for every write; used at shutdown, after the rooms are closed. */
  close(): Promise<void>;
};

type Burst = { idle: NodeJS.Timeout; cap: NodeJS.Timeout };
type Captured = { at: Date; update: Uint8Array; content: unknown; hash: string; wordCount: number; authors: string[] };

/** Creates the keeper of versions over the version store, the rooms and the document store. */
export function createNoteVersions(options: {
  store: VersionStore;
  rooms: Pick<RoomRegistry, 'peek' | 'acquire' | 'release'>;
  documents: Pick<DocumentStore, 'loadDocument'>;
  /** Who wrote what, for notes whose room is not loaded; a loaded room's own record is used otherwise. */
  authorship: AuthorshipStore;
  logger: Logger;
  /** What a document may contain; a restore passes the same gate as every client's update. */
  rules?: DocumentRules;
  /** Called once a note's list of versions changed, for instance to tell open history views. */
  onVersionsChange?: (noteId: string) => void;
  now?: () => Date;
}): NoteVersions {
  const {
    store,
    rooms,
    documents,
    authorship,
    logger,
    onVersionsChange,
    rules = createDocumentRules(),
    now = () => new Date(),
  } = options;
  const bursts = new Map<string, Burst>();
  const authors = new Map<string, Set<string>>();
  // Content hash of each note's newest version, to skip freezing what is already frozen.
  const lastHash = new Map<string, string>();
  // One chain of writes per note: versions are added, thinned and restored in order.
  const queues = new Map<string, Promise<void>>();
  const createVersionId = createVersionIds();
  let closed = false;

  function run<T>(noteId: string, task: () => Promise<T>): Promise<T> {
    const result = (queues.get(noteId) ?? Promise.resolve()).then(task);
    queues.set(
      noteId,
      result.then(
        () => undefined,
        () => undefined,
      ),
    );
    return result;
  }

  function inBackground(noteId: string, task: () => Promise<unknown>): void {
    run(noteId, task).catch((error: unknown) => logger.warn({ err: error, noteId }, 'freezing a version failed'));
  }

  function capture(noteId: string, doc: Y.Doc): Captured {
    const content = noteContentOf(doc);
    const taken = [...(authors.get(noteId) ?? [])];
    authors.delete(noteId);
    return {
      at: now(),
      update: Y.encodeStateAsUpdate(doc),
      content,
      hash: hashOf(content),
      wordCount: countWords(noteAsPlainText(doc)),
      authors: taken,
    };
  }

  async function captureCurrent(noteId: string): Promise<Captured> {
    const room = rooms.peek(noteId);
    if (room) return capture(noteId, room.doc);
    const doc = new Y.Doc();
    try {
      const stored = await documents.loadDocument(noteId);
      if (stored) Y.applyUpdate(doc, stored);
      return capture(noteId, doc);
    } finally {
      doc.destroy();
    }
  }

  async function authorshipOf(noteId: string): Promise<NoteAuthorship> {
    return rooms.peek(noteId)?.authorship ?? loadNoteAuthorship({ noteId, store: authorship, logger });
  }

  async function currentState(noteId: string): Promise<Uint8Array> {
    const room = rooms.peek(noteId);
    if (room) return Y.encodeStateAsUpdate(room.doc);
    return (await documents.loadDocument(noteId)) ?? Y.encodeStateAsUpdate(new Y.Doc());
  }

  function stopBurst(noteId: string): boolean {
    const burst = bursts.get(noteId);
    if (!burst) return false;
    clearTimeout(burst.idle);
    clearTimeout(burst.cap);
    bursts.delete(noteId);
    return true;
  }

  async function newestHash(noteId: string): Promise<string | null> {
    const known = lastHash.get(noteId);
    if (known !== undefined) return known;
    const [newest] = await store.list(noteId);
    if (!newest) return null;
    const stored = await store.get(noteId, newest.id);
    if (!stored) return null;
    const hash = hashOf(contentOfUpdate(stored.update));
    lastHash.set(noteId, hash);
    return hash;
  }

  async function add(
    noteId: string,
    state: Captured,
    fields: Pick<VersionRecord, 'kind' | 'name'>,
    versionAuthors = state.authors,
  ): Promise<VersionRecord> {
    const { at } = state;
    const record = await store.add(noteId, {
      id: createVersionId(at),
      createdAt: at.toISOString(),
      ...fields,
      authors: versionAuthors,
      wordCount: state.wordCount,
      update: state.update,
    });
    lastHash.set(noteId, state.hash);
    const dropped = thinVersions(await store.list(noteId), at);
    if (dropped.length > 0) await store.remove(noteId, dropped);
    onVersionsChange?.(noteId);
    return record;
  }

  async function addIfChanged(noteId: string, state: Captured): Promise<void> {
    if ((await newestHash(noteId)) === state.hash) {
      // Nothing to freeze; whoever edited is still owed a mention in the next version.
      for (const author of state.authors) rememberAuthor(noteId, author);
      return;
    }
    await add(noteId, state, { kind: 'auto', name: null });
  }

  function rememberAuthor(noteId: string, userId: string): void {
    const known = authors.get(noteId) ?? new Set<string>();
    known.add(userId);
    authors.set(noteId, known);
  }

  function endBurst(noteId: string): void {
    if (!stopBurst(noteId)) return;
    // A loaded document is captured at once, as it is when the burst ends.
    const room = rooms.peek(noteId);
    const state = room && capture(noteId, room.doc);
    inBackground(noteId, async () => addIfChanged(noteId, state ?? (await captureCurrent(noteId))));
  }

  return {
    documentChanged(noteId) {
      if (closed) return;
      const burst = bursts.get(noteId);
      if (burst) {
        // Called on every update of a busy note: the idle timer is pushed back, not remade.
        burst.idle.refresh();
        return;
      }
      bursts.set(noteId, {
        idle: setTimeout(() => endBurst(noteId), BURST_IDLE_MS),
        cap: setTimeout(() => endBurst(noteId), BURST_MAX_MS),
      });
    },
    edited(noteId, userId) {
      rememberAuthor(noteId, userId);
    },
    roomUnloading(noteId, doc) {
      if (!stopBurst(noteId)) return;
      // Captured now: the document is freed as soon as this returns.
      const state = capture(noteId, doc);
      inBackground(noteId, () => addIfChanged(noteId, state));
    },
    list: (noteId) => store.list(noteId),
    async get(noteId, versionId) {
      const stored = await store.get(noteId, versionId);
      return stored && { version: stored.version, content: contentOfUpdate(stored.update) };
    },
    freeze(noteId, { kind, name }) {
      return run(noteId, async () => {
        stopBurst(noteId);
        return add(noteId, await captureCurrent(noteId), { kind, name });
      });
    },
    restore(noteId, versionId, by) {
      return run(noteId, async () => {
        const stored = await store.get(noteId, versionId);
        if (!stored) throw new RefusalError('versionNotFound');
        const content = contentOfUpdate(stored.update);
        const room = await rooms.acquire(noteId);
        try {
          stopBurst(noteId);
          await addIfChanged(noteId, capture(noteId, room.doc));
          applyThroughGate(room, restoreUpdate(room.doc, content), rules, by);
          // The restore's own change is not a burst of anyone's editing.
          const after = capture(noteId, room.doc);
          for (const author of after.authors) rememberAuthor(noteId, author);
          const name = restoredVersionName(stored.version).slice(0, VERSION_NAME_MAX_LENGTH);
          return await add(noteId, after, { kind: 'restored', name }, by === null ? [] : [by]);
        } finally {
          rooms.release(room);
        }
      });
    },
    async compare(noteId, fromId, toId) {
      const [from, to] = await Promise.all([
        store.get(noteId, fromId),
        toId === CURRENT_STATE ? null : store.get(noteId, toId),
      ]);
      if (!from || (toId !== CURRENT_STATE && !to)) throw new RefusalError('versionNotFound');
      // Versions of one note follow each other: the later one holds everything the earlier one had.
      const [older, newer] = to && isLater(from.version, to.version) ? [to, from] : [from, to];
      const compared = compareStates(
        older.update,
        newer ? newer.update : await currentState(noteId),
        await authorshipOf(noteId),
      );
      return { from: older.version, to: newer?.version ?? null, ...compared };
    },
    async authorsOf(noteId) {
      return (await authorshipOf(noteId)).authors();
    },
    async endBursts() {
      for (const noteId of [...bursts.keys()]) endBurst(noteId);
      await Promise.all(queues.values());
    },
    async forget(noteId) {
      stopBurst(noteId);
      authors.delete(noteId);
      await run(noteId, () => Promise.all([store.removeAll(noteId), authorship.removeAll(noteId)]));
      lastHash.delete(noteId);
      queues.delete(noteId);
    },
    async close() {
      closed = true;
      for (const noteId of [...bursts.keys()]) endBurst(noteId);
      await Promise.all(queues.values());
    },
  };
}

/**
 * The one update that turns `doc` into `content`, made on a copy under an author of its own, so
 * that it can be checked like any client's update before it touches the live document.
 */
function restoreUpdate(doc: Y.Doc, content: unknown): Uint8Array {
  const copy = new Y.Doc({ gc: true });
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    replaceNoteContent(copy, content, RESTORE_ORIGIN);
    return Y.encodeStateAsUpdate(copy, Y.encodeStateVector(doc));
  } finally {
    copy.destroy();
  }
}

function applyThroughGate(
  room: Pick<Room, 'doc' | 'ownerOf' | 'authorship'>,
  update: Uint8Array,
  rules: DocumentRules,
  by: string | null,
): void {
  const decoded = decodeUpdate(update, { maxClients: Number.MAX_SAFE_INTEGER });
  // The copy's author is new; it may only delete what others wrote, never write under their ids.
  checkUpdate(room.doc, decoded, rules, {
    isForeignClient: (client) => room.ownerOf(client) !== undefined || room.authorship.authorOf(client) !== undefined,
  });
  // What the restore brings back and takes away is the restorer's doing.
  if (by !== null) room.authorship.record(by, decoded, room.doc);
  Y.applyUpdate(room.doc, update, RESTORE_ORIGIN);
}

function contentOfUpdate(update: Uint8Array): unknown {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, update);
    return noteContentOf(doc);
  } finally {
    doc.destroy();
  }
}

function isLater(a: VersionRecord, b: VersionRecord): boolean {
  return a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.id > b.id);
}

function hashOf(content: unknown): string {
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}
