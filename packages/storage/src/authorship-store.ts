/** What is known of who wrote a note: the author behind each Yjs client id, and who deleted what. */
export type AuthorshipRecord = {
  /** Yjs client id → author id. A client id keeps the first author recorded for it. */
  clients: Map<number, string>;
  /** Author id → everything that author deleted, in the encoding the server writes (opaque here). */
  deletions: Map<string, Uint8Array>;
};

/**
 * Where each note's authorship is kept, apart from its document so that no client can write it.
 * Author ids hold no `!`. Every adapter passes the contract suite in `authorship-store.contract.ts`.
 */
export interface AuthorshipStore {
  /** A note's record; empty maps when nothing was recorded. */
  load(noteId: string): Promise<AuthorshipRecord>;
  /** Durably records the authors of client ids; ids already recorded keep their first author. */
  addClients(noteId: string, entries: ReadonlyArray<readonly [clientId: number, authorId: string]>): Promise<void>;
  /** Durably replaces everything one author deleted in a note. */
  putDeletions(noteId: string, authorId: string, deletions: Uint8Array): Promise<void>;
  /** Forgets a note's authorship, as when the note is deleted for good. */
  removeAll(noteId: string): Promise<void>;
  /** Writes out what is pending and releases the store's files. */
  close(): Promise<void>;
}
