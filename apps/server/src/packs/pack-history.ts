import { randomBytes } from 'node:crypto';
import type { PackedNote } from '@plume/protocol';
import type { MetadataStore } from '@plume/storage';

/** A pack just produced, to remember: its cover, who asked, and the version of each note printed. */
export type ProducedPack = {
  title: string;
  /** The cover's date, YYYY-MM-DD. */
  date: string;
  by: string | null;
  notes: readonly { noteId: string; versionId: string }[];
};

/** Which packs printed which version of each note, kept in the metadata store. */
export type PackHistory = {
  /** Records a produced pack; resolves with its id once written. */
  record(pack: ProducedPack): Promise<string>;
  /** The version a note had in the most recent pack that held it, with that pack; null when none did. */
  lastPackedVersion(noteId: string): Promise<PackedNote | null>;
};

/** Creates the record of produced packs over the metadata store; `now` stamps each pack. */
export function createPackHistory(
  notes: Pick<MetadataStore, 'addPack' | 'lastPackWith'>,
  now: () => Date = () => new Date(),
): PackHistory {
  return {
    async record(pack) {
      const id = randomBytes(8).toString('hex');
      await notes.addPack({
        id,
        title: pack.title,
        date: pack.date,
        printedAt: now().toISOString(),
        by: pack.by,
        notes: pack.notes.map(({ noteId, versionId }) => ({ noteId, versionId })),
      });
      return id;
    },
    async lastPackedVersion(noteId) {
      const pack = await notes.lastPackWith(noteId);
      const printed = pack?.notes.find((note) => note.noteId === noteId);
      if (!pack || !printed) return null;
      return {
        packId: pack.id,
        title: pack.title,
        date: pack.date,
        printedAt: pack.printedAt,
        versionId: printed.versionId,
      };
    },
  };
}
