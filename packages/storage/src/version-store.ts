import type { VersionSummary } from '@plume/protocol';

/** What is known of one version without its content: the shape the API lists, defined once in the protocol. */
export type VersionRecord = VersionSummary;

/** A version to add: its metadata, less `bytes` (the store measures), and its document as one Yjs update. */
export type NewVersion = Omit<VersionRecord, 'noteId' | 'bytes'> & {
  /** `Y.encodeStateAsUpdate` of the document at that moment. */
  update: Uint8Array;
};

/**
 * Where the frozen states of each note's document are kept. Every adapter passes the contract suite
 * in `version-store.contract.ts`.
 */
export interface VersionStore {
  /** Durably stores one version of a note; resolves with its metadata once written. */
  add(noteId: string, version: NewVersion): Promise<VersionRecord>;
  /** A note's versions, newest first (by `createdAt`, then by id); empty when it has none. */
  list(noteId: string): Promise<VersionRecord[]>;
  /** One version with its document, or null when the note has no such version. */
  get(noteId: string, versionId: string): Promise<{ version: VersionRecord; update: Uint8Array } | null>;
  /** Removes some versions of a note; unknown ids are ignored. */
  remove(noteId: string, versionIds: readonly string[]): Promise<void>;
  /** Removes every version of a note, as when the note is deleted for good. */
  removeAll(noteId: string): Promise<void>;
  /** Writes out what is pending and releases the store's files. */
  close(): Promise<void>;
}
