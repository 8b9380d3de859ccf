import type { NoteSummary } from '@plume/protocol';

/** What the metadata store keeps of a note: its summary, and when it was deleted, if it was. */
export type NoteRecord = NoteSummary & { deletedAt?: string };

/** Where note metadata (title, times) is kept. */
export interface MetadataStore {
  /** Every note not deleted, most recently updated first. */
  listNotes(): Promise<NoteRecord[]>;
  /** One note, or undefined when no note has this id. */
  getNote(id: string): Promise<NoteRecord | undefined>;
  /** Durably records a new note; throws when its id is taken. */
  createNote(note: NoteRecord): Promise<void>;
  /** Records that a note changed at `updatedAt` (ISO 8601); ignores unknown ids. */
  touchNote(id: string, updatedAt: string): Promise<void>;
  /** Takes a note out of sight at `deletedAt`; its document stays in the store. */
  markDeleted(id: string, deletedAt: string): Promise<void>;
  /** Writes out what is pending. */
  close(): Promise<void>;
}
