import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { MetadataStore, NoteRecord } from './metadata-store.ts';
import { StorageError } from './storage-error.ts';

type MetadataFile = { version: 1; notes: NoteRecord[] };

/**
 * Opens the lowdb metadata store kept in the JSON file at `path`, created on first use. A file that
 * is not valid metadata stops the opening with a `corrupt` StorageError and is never overwritten.
 */
export async function createLowdbMetadataStore(path: string): Promise<MetadataStore> {
  const db = new Low<MetadataFile>(new JSONFile(path), { version: 1, notes: [] });
  await readOrExplain(db, path);
  const byId = new Map(db.data.notes.map((note) => [note.id, note]));
  let lastWrite: Promise<void> = Promise.resolve();
  // Every change goes through here so that `close` can wait for the last one.
  const write = () => {
    lastWrite = db.write();
    return lastWrite;
  };

  return {
    async listNotes() {
      return db.data.notes
        .filter((note) => note.deletedAt === undefined)
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
        .map(copyRecord);
    },
    async getNote(id) {
      const note = byId.get(id);
      return note && copyRecord(note);
    },
    async createNote(note) {
      if (byId.has(note.id)) throw new Error(`A note with id ${note.id} already exists.`);
      const record = copyRecord(note);
      db.data.notes.push(record);
      byId.set(record.id, record);
      await write();
    },
    async touchNote(id, updatedAt) {
      const note = byId.get(id);
      if (!note || note.updatedAt >= updatedAt) return;
      note.updatedAt = updatedAt;
      await write();
    },
    async markDeleted(id, deletedAt) {
      const note = byId.get(id);
      if (!note || note.deletedAt !== undefined) return;
      note.deletedAt = deletedAt;
      await write();
    },
    async close() {
      // A failed write was already reported to its caller; closing only waits for it to settle.
      await lastWrite.catch(() => undefined);
    },
  };
}

async function readOrExplain(db: Low<MetadataFile>, path: string): Promise<void> {
  try {
    await db.read();
  } catch (error) {
    throw new StorageError('corrupt', `The metadata file ${path} is not valid JSON; it was left untouched.`, {
      cause: error,
    });
  }
  if (!isMetadataFile(db.data)) {
    throw new StorageError('corrupt', `The metadata file ${path} does not hold Plume metadata; it was left untouched.`);
  }
}

function isMetadataFile(value: unknown): value is MetadataFile {
  if (typeof value !== 'object' || value === null) return false;
  const { version, notes } = value as Partial<MetadataFile>;
  return version === 1 && Array.isArray(notes) && notes.every(isNoteRecord);
}

function isNoteRecord(value: unknown): value is NoteRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    ['id', 'title', 'createdAt', 'updatedAt'].every((key) => typeof record[key] === 'string') &&
    (record.deletedAt === undefined || typeof record.deletedAt === 'string')
  );
}

function copyRecord(note: NoteRecord): NoteRecord {
  const copy: NoteRecord = { id: note.id, title: note.title, createdAt: note.createdAt, updatedAt: note.updatedAt };
  if (note.deletedAt !== undefined) copy.deletedAt = note.deletedAt;
  return copy;
}
