import { isNoteStatus } from '@plume/protocol';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { MetadataStore, NoteRecord, PackRecord, TemplateRecord, ThemeRecord } from './metadata-store.ts';
import { StorageError } from './storage-error.ts';

type MetadataFile = {
  version: 2;
  notes: NoteRecord[];
  themes: ThemeRecord[];
  templates: TemplateRecord[];
  /** Ids of notes deleted for good; kept so that no stale client can bring one back. */
  purged: { id: string; purgedAt: string }[];
  /** Whether the starting themes and templates were applied once. */
  seeded: boolean;
  /** Briefing packs produced, oldest first; absent from files written before packs were recorded. */
  packs: PackRecord[];
};

const EMPTY: MetadataFile = {
  version: 2,
  notes: [],
  themes: [],
  templates: [],
  purged: [],
  seeded: false,
  packs: [],
};

const byName = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/**
 * Opens the lowdb metadata store kept in the JSON file at `path`, created on first use. A version 1
 * file (notes only) is upgraded in memory and written as version 2 at the next change. A file that
 * is not valid metadata stops the opening with a `corrupt` StorageError and is never overwritten.
 */
export async function createLowdbMetadataStore(path: string): Promise<MetadataStore> {
  const db = new Low<MetadataFile>(new JSONFile(path), structuredClone(EMPTY));
  await readOrExplain(db, path);
  const data = db.data;
  const byId = new Map(data.notes.map((note) => [note.id, note]));
  const purged = new Set(data.purged.map(({ id }) => id));
  let lastWrite: Promise<void> = Promise.resolve();
  // Every change goes through here so that `close` can wait for the last one. lowdb's writer
  // coalesces writes that overlap, so a burst of changes costs few disk writes.
  const write = () => {
    lastWrite = db.write();
    return lastWrite;
  };

  return {
    async listNotes() {
      return data.notes
        .filter((note) => note.deletedAt === null)
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
        .map((note) => structuredClone(note));
    },
    async listTrashed() {
      return data.notes
        .filter((note) => note.deletedAt !== null)
        .sort((a, b) => (b.deletedAt ?? '').localeCompare(a.deletedAt ?? ''))
        .map((note) => structuredClone(note));
    },
    async getNote(id) {
      const note = byId.get(id);
      return note && structuredClone(note);
    },
    async createNote(note) {
      if (byId.has(note.id) || purged.has(note.id)) throw new Error(`A note with id ${note.id} already exists.`);
      const record = structuredClone(note);
      data.notes.push(record);
      byId.set(record.id, record);
      await write();
    },
    async touchNote(id, updatedAt) {
      const note = byId.get(id);
      if (!note || note.updatedAt >= updatedAt) return;
      note.updatedAt = updatedAt;
      await write();
    },
    async updateNote(id, patch) {
      const note = byId.get(id);
      if (!note) return undefined;
      const change = typeof patch === 'function' ? patch(structuredClone(note)) : patch;
      Object.assign(note, structuredClone(change));
      await write();
      return structuredClone(note);
    },
    async purgeNote(id, purgedAt) {
      const note = byId.get(id);
      if (!note) return false;
      byId.delete(id);
      data.notes = data.notes.filter((candidate) => candidate.id !== id);
      data.purged.push({ id, purgedAt });
      purged.add(id);
      await write();
      return true;
    },
    async isPurged(id) {
      return purged.has(id);
    },
    async listThemes() {
      return [...data.themes].sort((a, b) => byName.compare(a.name, b.name)).map((theme) => structuredClone(theme));
    },
    async putTheme(theme) {
      data.themes = [...data.themes.filter(({ id }) => id !== theme.id), structuredClone(theme)];
      await write();
    },
    async removeTheme(id) {
      if (!data.themes.some((theme) => theme.id === id)) return false;
      data.themes = data.themes.filter((theme) => theme.id !== id);
      for (const note of data.notes) if (note.themeId === id) note.themeId = null;
      await write();
      return true;
    },
    async listTemplates() {
      return [...data.templates]
        .sort((a, b) => byName.compare(a.name, b.name))
        .map((template) => structuredClone(template));
    },
    async getTemplate(id) {
      const template = data.templates.find((candidate) => candidate.id === id);
      return template && structuredClone(template);
    },
    async putTemplate(template) {
      data.templates = [...data.templates.filter(({ id }) => id !== template.id), structuredClone(template)];
      await write();
    },
    async removeTemplate(id) {
      if (!data.templates.some((template) => template.id === id)) return false;
      data.templates = data.templates.filter((template) => template.id !== id);
      await write();
      return true;
    },
    async addPack(pack) {
      data.packs.push(structuredClone(pack));
      await write();
    },
    async lastPackWith(noteId) {
      let last: PackRecord | undefined;
      for (const pack of data.packs) {
        if (!pack.notes.some((note) => note.noteId === noteId)) continue;
        if (!last || pack.printedAt >= last.printedAt) last = pack;
      }
      return last && structuredClone(last);
    },
    async seedOnce(seed) {
      if (data.seeded) return false;
      data.themes.push(...structuredClone(seed.themes));
      data.templates.push(...structuredClone(seed.templates));
      data.seeded = true;
      await write();
      return true;
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
  const upgraded = upgrade(db.data);
  if (upgraded === null) {
    throw new StorageError('corrupt', `The metadata file ${path} does not hold Plume metadata; it was left untouched.`);
  }
  db.data = upgraded;
}

// Version 1 held notes with id, title and times only, and an optional deletedAt.
function upgrade(value: unknown): MetadataFile | null {
  if (typeof value !== 'object' || value === null) return null;
  const file = value as Record<string, unknown>;
  if (file.version === 1 && Array.isArray(file.notes) && file.notes.every(isVersion1Note)) {
    return { ...structuredClone(EMPTY), notes: file.notes.map(upgradeNote) };
  }
  if (
    file.version === 2 &&
    Array.isArray(file.notes) &&
    file.notes.every(isNoteRecord) &&
    Array.isArray(file.themes) &&
    Array.isArray(file.templates) &&
    Array.isArray(file.purged) &&
    typeof file.seeded === 'boolean' &&
    (file.packs === undefined || Array.isArray(file.packs))
  ) {
    // Packs came later within version 2: a file without them has recorded none.
    return { ...(file as Omit<MetadataFile, 'packs'>), packs: (file.packs as PackRecord[] | undefined) ?? [] };
  }
  return null;
}

type Version1Note = { id: string; title: string; createdAt: string; updatedAt: string; deletedAt?: string };

function isVersion1Note(value: unknown): value is Version1Note {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    ['id', 'title', 'createdAt', 'updatedAt'].every((key) => typeof record[key] === 'string') &&
    (record.deletedAt === undefined || typeof record.deletedAt === 'string')
  );
}

function upgradeNote(note: Version1Note): NoteRecord {
  return {
    id: note.id,
    title: note.title,
    createdAt: note.createdAt,
    updatedAt: note.updatedAt,
    themeId: null,
    status: 'draft',
    statusHistory: [],
    ownerId: null,
    contributorIds: [],
    wordCount: 0,
    deletedAt: note.deletedAt ?? null,
    deletedBy: null,
  };
}

function isNoteRecord(value: unknown): value is NoteRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    ['id', 'title', 'createdAt', 'updatedAt'].every((key) => typeof record[key] === 'string') &&
    isNoteStatus(record.status) &&
    Array.isArray(record.statusHistory) &&
    Array.isArray(record.contributorIds) &&
    typeof record.wordCount === 'number'
  );
}
