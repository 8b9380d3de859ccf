import type { NoteStatus, Theme } from '@plume/protocol';

/** One move of a note along the workflow, with the id of the account that made it. */
export type StatusRecord = { from: NoteStatus | null; to: NoteStatus; by: string | null; at: string };

/** What the metadata store keeps of a note. Times are ISO 8601 strings in UTC. */
export type NoteRecord = {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
  themeId: string | null;
  status: NoteStatus;
  /** Every status move, oldest first. */
  statusHistory: StatusRecord[];
  /** The account that created the note; null for notes older than accounts. */
  ownerId: string | null;
  /** Accounts that edited the note, in the order they first did. */
  contributorIds: string[];
  wordCount: number;
  /** When the note went to the trash, and who put it there; null outside the trash. */
  deletedAt: string | null;
  deletedBy: string | null;
};

/** The fields of a note that change after its creation. */
export type NotePatch = Partial<Omit<NoteRecord, 'id' | 'createdAt'>>;

/** A theme notes are filed under. */
export type ThemeRecord = Theme;

/** A model for new notes: its content is a ProseMirror document as JSON, valid in the editor schema. */
export type TemplateRecord = {
  id: string;
  name: string;
  description: string;
  content: unknown;
  createdAt: string;
  updatedAt: string;
};

/** What a new workspace starts with; applied once in the life of a data directory. */
export type WorkspaceSeed = { themes: ThemeRecord[]; templates: TemplateRecord[] };

/** A briefing pack that was produced: its cover, who asked, and the version of each note it printed. */
export type PackRecord = {
  id: string;
  /** The cover's title. */
  title: string;
  /** The cover's date, YYYY-MM-DD. */
  date: string;
  /** When it was produced, ISO 8601 in UTC. */
  printedAt: string;
  /** The account that asked for it; null for someone without an account. */
  by: string | null;
  /** Each note it printed, in order, with the version printed. */
  notes: { noteId: string; versionId: string }[];
};

/** Where note metadata, themes, templates and the record of printed packs are kept. Reads return copies. */
export interface MetadataStore {
  /** Every note outside the trash, most recently updated first. */
  listNotes(): Promise<NoteRecord[]>;
  /** Every note in the trash, most recently deleted first. */
  listTrashed(): Promise<NoteRecord[]>;
  /** One note, in the trash or not, or undefined when no note has this id. */
  getNote(id: string): Promise<NoteRecord | undefined>;
  /** Durably records a new note; throws when its id is taken or was ever used. */
  createNote(note: NoteRecord): Promise<void>;
  /** Records that a note changed at `updatedAt` (ISO 8601); ignores unknown ids and older times. */
  touchNote(id: string, updatedAt: string): Promise<void>;
  /**
   * Changes some fields of a note; returns it as it is now, or undefined for an unknown id. A
   * function patch is computed from the current record, in the same step as the change, so
   * read-modify-write updates (appending to a list) never lose a concurrent one.
   */
  updateNote(id: string, patch: NotePatch | ((current: NoteRecord) => NotePatch)): Promise<NoteRecord | undefined>;
  /**
   * Forgets a note for good and remembers only that its id was used, so that it is never created
   * again; returns whether there was such a note.
   */
  purgeNote(id: string, purgedAt: string): Promise<boolean>;
  /** Whether a note with this id was purged. */
  isPurged(id: string): Promise<boolean>;
  /** Every theme, by name in French collation order. */
  listThemes(): Promise<ThemeRecord[]>;
  /** Adds a theme or replaces the one with the same id. */
  putTheme(theme: ThemeRecord): Promise<void>;
  /** Removes a theme and files its notes under no theme; returns whether it existed. */
  removeTheme(id: string): Promise<boolean>;
  /** Every template, by name. */
  listTemplates(): Promise<TemplateRecord[]>;
  getTemplate(id: string): Promise<TemplateRecord | undefined>;
  /** Adds a template or replaces the one with the same id. */
  putTemplate(template: TemplateRecord): Promise<void>;
  /** Removes a template; returns whether it existed. */
  removeTemplate(id: string): Promise<boolean>;
  /** Durably records a produced briefing pack. */
  addPack(pack: PackRecord): Promise<void>;
  /** The most recently produced pack that printed a note, or undefined when none did. */
  lastPackWith(noteId: string): Promise<PackRecord | undefined>;
  /** Adds the seed's themes and templates if no seed was ever applied here; returns whether it did. */
  seedOnce(seed: WorkspaceSeed): Promise<boolean>;
  /** Writes out what is pending. */
  close(): Promise<void>;
}
