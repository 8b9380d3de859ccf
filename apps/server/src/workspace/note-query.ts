import { type ListNotesQuery, NOTE_STATUSES, type NoteSort } from '@plume/protocol';
import type { NoteRecord } from '@plume/storage';

const titleOrder = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

// Each sort's natural direction: newest, A to Z, workflow order, longest read first.
const COMPARE: Record<NoteSort, (a: NoteRecord, b: NoteRecord) => number> = {
  updated: (a, b) => b.updatedAt.localeCompare(a.updatedAt),
  created: (a, b) => b.createdAt.localeCompare(a.createdAt),
  title: (a, b) => titleOrder.compare(a.title, b.title),
  status: (a, b) => NOTE_STATUSES.indexOf(a.status) - NOTE_STATUSES.indexOf(b.status),
  readingTime: (a, b) => b.wordCount - a.wordCount,
};
const NATURAL_ORDER: Record<NoteSort, 'asc' | 'desc'> = {
  updated: 'desc',
  created: 'desc',
  title: 'asc',
  status: 'asc',
  readingTime: 'desc',
};

/** The notes matching every filter of `query`, in its order; ties keep the most recently updated first. */
export function queryNotes(notes: NoteRecord[], query: ListNotesQuery): NoteRecord[] {
  const matching = notes.filter(
    (note) =>
      (query.theme === undefined || note.themeId === (query.theme === 'none' ? null : query.theme)) &&
      (query.status === undefined || note.status === query.status) &&
      (query.contributor === undefined ||
        note.ownerId === query.contributor ||
        note.contributorIds.includes(query.contributor)),
  );
  const compare = COMPARE[query.sort];
  const direction = (query.order ?? NATURAL_ORDER[query.sort]) === NATURAL_ORDER[query.sort] ? 1 : -1;
  return matching.sort((a, b) => direction * compare(a, b) || COMPARE.updated(a, b));
}
