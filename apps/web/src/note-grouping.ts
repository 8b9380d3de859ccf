import { NOTE_STATUSES, type NoteStatus, type NoteView, type PersonRef, type Theme } from '@plume/protocol';

/** The notes of one theme, or of none (`theme` null), in the order they came. */
export type ThemeGroup = { theme: Theme | null; notes: NoteView[] };

/**
 * Groups notes by theme: themes by name in `language`, then the notes without a theme (or whose
 * theme was just deleted); themes without notes are left out.
 */
export function groupByTheme(notes: readonly NoteView[], themes: readonly Theme[], language: string): ThemeGroup[] {
  const sorted = [...themes].sort((a, b) => a.name.localeCompare(b.name, language, { sensitivity: 'base' }));
  const groups = new Map<string | null, ThemeGroup>(sorted.map((theme) => [theme.id, { theme, notes: [] }]));
  const unfiled: ThemeGroup = { theme: null, notes: [] };
  for (const note of notes) (groups.get(note.themeId) ?? unfiled).notes.push(note);
  return [...groups.values(), unfiled].filter((group) => group.notes.length > 0);
}

/** The notes of each workflow column, in the order they came. */
export function groupByStatus(notes: readonly NoteView[]): Record<NoteStatus, NoteView[]> {
  const columns = Object.fromEntries(NOTE_STATUSES.map((status) => [status, [] as NoteView[]]));
  for (const note of notes) columns[note.status]?.push(note);
  return columns as Record<NoteStatus, NoteView[]>;
}

/** Everyone who owns or wrote in one of the notes, once each, by name. */
export function contributorsOf(notes: readonly NoteView[], language: string): PersonRef[] {
  const people = new Map<string, PersonRef>();
  for (const note of notes) {
    for (const person of note.owner ? [note.owner, ...note.contributors] : note.contributors) {
      if (!people.has(person.id)) people.set(person.id, person);
    }
  }
  return [...people.values()].sort((a, b) => a.name.localeCompare(b.name, language, { sensitivity: 'base' }));
}
