import type { AuthorshipStore } from '@plume/storage';
import type { Logger } from 'pino';
import * as Y from 'yjs';
import type { DecodedUpdate } from '../sync/update-decoder.ts';
import { type ClockRange, createDeletedRanges, type DeletedRanges } from './deleted-ranges.ts';

/** Who wrote and who deleted what in one note, as far as the server has seen it happen. */
export type NoteAuthorship = {
  /** The author a Yjs client id writes for, if known. */
  authorOf(clientId: number): string | undefined;
  /** The author who deleted the struct `client:clock`, if known. */
  deleterOf(client: number, clock: number): string | undefined;
  /** Every known author with the client ids they wrote under. */
  authors(): Map<string, number[]>;
  /**
   * Records an update `authorId` sent, before it is applied to `doc`: its new client ids are
   * theirs, and so is the deletion of whatever `doc` still shows. Written to the store soon after.
   */
  record(authorId: string, update: DecodedUpdate, doc: Y.Doc): void;
  /** Resolves once everything recorded so far is in the store. */
  flushed(): Promise<void>;
};

/** Loads a note's authorship from the store; records made on it are written back in order. */
export async function loadNoteAuthorship(options: {
  noteId: string;
  store: AuthorshipStore;
  logger: Logger;
}): Promise<NoteAuthorship> {
  const { noteId, store, logger } = options;
  const stored = await store.load(noteId);
  const clients = stored.clients;
  const deletions = new Map<string, DeletedRanges>();
  for (const [authorId, encoded] of stored.deletions) deletions.set(authorId, createDeletedRanges(encoded));

  let pendingClients: [number, string][] = [];
  const pendingDeleters = new Set<string>();
  let writing: Promise<void> = Promise.resolve();
  let scheduled = false;

  // Records of one turn of the event loop leave together, after the updates they describe.
  function scheduleWrite(): void {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      writing = writing.then(writePending);
    });
  }

  async function writePending(): Promise<void> {
    const newClients = pendingClients;
    pendingClients = [];
    const deleters = [...pendingDeleters];
    pendingDeleters.clear();
    try {
      await store.addClients(noteId, newClients);
      for (const authorId of deleters) {
        const ranges = deletions.get(authorId);
        if (ranges) await store.putDeletions(noteId, authorId, ranges.encode());
      }
    } catch (error) {
      // Authorship is kept in memory and written again with the next record; the text is safe.
      pendingClients.unshift(...newClients);
      for (const authorId of deleters) pendingDeleters.add(authorId);
      logger.warn({ err: error, noteId }, 'writing authorship failed');
    }
  }

  return {
    authorOf: (clientId) => clients.get(clientId),
    deleterOf(client, clock) {
      for (const [authorId, ranges] of deletions) if (ranges.has(client, clock)) return authorId;
      return undefined;
    },
    authors() {
      const byAuthor = new Map<string, number[]>();
      for (const [clientId, authorId] of clients) byAuthor.set(authorId, [...(byAuthor.get(authorId) ?? []), clientId]);
      return byAuthor;
    },
    record(authorId, update, doc) {
      for (const { client, structs } of update.clients) {
        // An update may repeat structs the note has; only what it adds is its sender's writing.
        const last = structs.at(-1);
        if (clients.has(client) || !last || last.clock + last.length <= Y.getState(doc.store, client)) continue;
        clients.set(client, authorId);
        pendingClients.push([client, authorId]);
      }
      const deleted = update.deletes.flatMap((range) => stillVisible(doc, range));
      if (deleted.length > 0) {
        const ranges = deletions.get(authorId) ?? createDeletedRanges();
        deletions.set(authorId, ranges);
        for (const range of deleted) ranges.add(range);
        pendingDeleters.add(authorId);
      }
      if (pendingClients.length > 0 || pendingDeleters.size > 0) scheduleWrite();
    },
    async flushed() {
      if (scheduled || pendingClients.length > 0 || pendingDeleters.size > 0) {
        scheduled = false;
        writing = writing.then(writePending);
      }
      await writing;
    },
  };
}

// The parts of a deleted range that `doc` still shows: the first person to delete a passage is
// the one who deleted it; a late offline client deleting it again changes nothing. Clocks the
// document does not have yet are written and deleted by the same update.
function stillVisible(doc: Y.Doc, range: ClockRange): ClockRange[] {
  const { client, clock, length } = range;
  const end = clock + length;
  const known = Y.getState(doc.store, client);
  const parts: ClockRange[] = [];
  const push = (start: number, stop: number) => {
    const last = parts.at(-1);
    if (last && last.clock + last.length === start)
      parts[parts.length - 1] = { client, clock: last.clock, length: stop - last.clock };
    else if (stop > start) parts.push({ client, clock: start, length: stop - start });
  };
  const structs = doc.store.clients.get(client);
  if (structs && clock < known) {
    for (let index = Y.findIndexSS(structs, clock); index < structs.length; index += 1) {
      const struct = structs[index] as Y.Item | Y.GC;
      if (struct.id.clock >= end) break;
      if (!struct.deleted) push(Math.max(clock, struct.id.clock), Math.min(end, struct.id.clock + struct.length));
    }
  }
  if (end > known) push(Math.max(clock, known), end);
  return parts;
}
