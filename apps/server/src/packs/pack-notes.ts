import type { PackSource } from '@plume/protocol';
import type { VersionRecord } from '@plume/storage';
import {
  loadPrintNote,
  loadPrintVersion,
  type PrintLanguage,
  type PrintNote,
  type PrintNoteSources,
  type PrintVersionSource,
} from '../print/index.ts';
import { RefusalError } from '../refusal-error.ts';
import type { NoteVersions } from '../versions/note-versions.ts';

/** What a pack reads its notes from: metadata, rooms, and the notes' versions, which it may add to. */
export type PackNoteSources = PrintNoteSources & {
  versions: PrintVersionSource & Pick<NoteVersions, 'list' | 'freeze'>;
};

/** A note as a pack prints it: always a frozen version, so that a later pack can compare against it. */
export type PackNote = PrintNote & { versionId: string };

const day = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });

/** The name of the version frozen when a pack prints a note's current state, e.g. "Imprimée dans le dossier du 2 décembre 2026". */
export function printedInPackName(coverDate: string): string {
  // The cover's date is a calendar day: read at noon UTC, it is that day in every time zone near Paris.
  return `Imprimée dans le dossier du ${day.format(new Date(`${coverDate}T12:00:00Z`))}`;
}

/** A note's newest validated version, or null when it was never validated (or that version is gone). */
export async function newestValidated(
  versions: Pick<NoteVersions, 'list'>,
  noteId: string,
): Promise<VersionRecord | null> {
  return (await versions.list(noteId)).find((version) => version.kind === 'validated') ?? null;
}

/**
 * The version that holds a note's state now: its newest version when that has the same content
 * and is of a kind thinning never drops, else a named version frozen now, so that repeated packs
 * of an unchanged note add no versions and a printed version is never thinned away.
 */
async function currentVersionId(
  sources: PackNoteSources,
  noteId: string,
  coverDate: string,
  language: PrintLanguage,
): Promise<string> {
  const { versions } = sources;
  const [newest] = await versions.list(noteId);
  if (newest && newest.kind !== 'auto') {
    const [now, frozen] = await Promise.all([
      loadPrintNote(sources, noteId, language),
      versions.get(noteId, newest.id),
    ]);
    if (frozen && JSON.stringify(frozen.content) === JSON.stringify(now.content)) return newest.id;
  }
  return (await versions.freeze(noteId, { kind: 'named', name: printedInPackName(coverDate) })).id;
}

/**
 * The notes of a pack in order, each read from the version it prints: with `validated`, a note's
 * newest validated version when it has one; otherwise, and with `current`, its state now, held by
 * a version (frozen as a named one if need be) so that every printed note has a version to
 * compare with later. Access is the caller's business; unknown notes are refused with `noteNotFound`.
 */
export async function loadPackNotes(
  sources: PackNoteSources,
  noteIds: readonly string[],
  options: { source: PackSource; coverDate: string; language: PrintLanguage },
): Promise<PackNote[]> {
  const { versions } = sources;
  // Every note is checked before any is frozen: a refused pack leaves no versions behind.
  for (const noteId of noteIds) {
    const note = await sources.notes.getNote(noteId);
    if (!note || note.deletedAt !== null) throw new RefusalError('noteNotFound');
  }
  const notes: PackNote[] = [];
  for (const noteId of noteIds) {
    const validated = options.source === 'validated' ? await newestValidated(versions, noteId) : null;
    const versionId = validated?.id ?? (await currentVersionId(sources, noteId, options.coverDate, options.language));
    const note = await loadPrintVersion(sources, noteId, versionId, options.language);
    notes.push({ ...note, versionId });
  }
  return notes;
}
