import type { NoteContent } from '@plume/editor-schema';
import { CHANGE_MARKS, GUEST_AUTHOR_PREFIX, type VersionComparison } from '@plume/protocol';
import type { PackNoteChanges, PrintedTally, PrintLanguage } from '../print/index.ts';
import { printWords } from '../print/index.ts';
import { RefusalError } from '../refusal-error.ts';
import type { PackHistory } from './pack-history.ts';
import type { PackNote } from './pack-notes.ts';

/** What a pack reads of a comparison: the older side, the newer content with its change marks, and who changed how much. */
export type PackComparison = Pick<VersionComparison, 'from' | 'content' | 'tallies'>;

/** Compares two versions of a note, in either order (`NoteVersions.compare`); refuses with `versionNotFound`. */
export type CompareVersions = (noteId: string, fromVersionId: string, toVersionId: string) => Promise<PackComparison>;

/** The name of the account behind an author id, or null when no account has it. */
export type AccountName = (authorId: string) => string | null;

/** Most changed passages printed per note; the page says how many more there are. */
export const PACK_CHANGES_MAX_PASSAGES = 12;
/** Unchanged characters kept on each side of a change inside a passage. */
export const PACK_CHANGES_CONTEXT = 60;

type Node = NoteContent;

/**
 * What changed in each note of a pack since the last pack that printed it, for the page "changed
 * since the last pack". Must run before the pack itself is recorded, or every note would be
 * compared with itself.
 */
export async function packChanges(
  deps: { compare: CompareVersions; accountName: AccountName; history: Pick<PackHistory, 'lastPackedVersion'> },
  notes: readonly PackNote[],
  language: PrintLanguage,
): Promise<PackNoteChanges[]> {
  const words = printWords(language).changes;
  const changes: PackNoteChanges[] = [];
  for (const note of notes) {
    const last = await deps.history.lastPackedVersion(note.id);
    const base = { title: note.title, tallies: [], passages: [], omitted: 0, authors: {} };
    if (!last) {
      changes.push({ ...base, state: 'new', since: null });
      continue;
    }
    const since = { title: last.title, date: new Date(`${last.date}T12:00:00Z`) };
    if (last.versionId === note.versionId) {
      changes.push({ ...base, state: 'unchanged', since });
      continue;
    }
    let comparison: PackComparison;
    try {
      comparison = await deps.compare(note.id, last.versionId, note.versionId);
    } catch (error) {
      if (error instanceof RefusalError && error.code === 'versionNotFound') {
        changes.push({ ...base, state: 'lost', since });
        continue;
      }
      throw error;
    }
    // The comparison always runs from older to newer; a pack may print an older version than the last one did.
    const backwards = comparison.from.id !== last.versionId;
    const content = backwards ? swapChanges(comparison.content as Node) : (comparison.content as Node);
    const all = changedPassages(content);
    const nameOf = (author: string | null) => authorName(author, deps.accountName, words);
    const tallies: PrintedTally[] = comparison.tallies
      .filter((tally) => tally.inserted + tally.deleted > 0)
      .map((tally) => ({
        name: nameOf(tally.author),
        inserted: backwards ? tally.deleted : tally.inserted,
        deleted: backwards ? tally.inserted : tally.deleted,
      }));
    if (all.length === 0 && tallies.length === 0) {
      changes.push({ ...base, state: 'unchanged', since });
      continue;
    }
    const authors: Record<string, string> = {};
    for (const author of authorsIn(all)) authors[author] = nameOf(author);
    changes.push({
      ...base,
      state: 'changed',
      since,
      tallies,
      passages: all.slice(0, PACK_CHANGES_MAX_PASSAGES),
      omitted: Math.max(0, all.length - PACK_CHANGES_MAX_PASSAGES),
      authors,
    });
  }
  return changes;
}

function authorName(
  author: string | null,
  accountName: AccountName,
  words: { unknownAuthor: string; guest: string },
): string {
  if (author === null) return words.unknownAuthor;
  // Guests have no account: they are all called by one name.
  if (author.startsWith(GUEST_AUTHOR_PREFIX)) return words.guest;
  return accountName(author) ?? words.unknownAuthor;
}

function authorsIn(passages: readonly Node[][]): Set<string> {
  const authors = new Set<string>();
  for (const node of passages.flat()) {
    for (const mark of node.marks ?? []) {
      const author = mark.attrs?.author;
      if ((mark.type === CHANGE_MARKS.inserted || mark.type === CHANGE_MARKS.deleted) && typeof author === 'string')
        authors.add(author);
    }
  }
  return authors;
}

function isChanged(node: Node | undefined): boolean {
  return (node?.marks ?? []).some((mark) => mark.type === CHANGE_MARKS.inserted || mark.type === CHANGE_MARKS.deleted);
}

/**
 * The inline content of each paragraph or heading (at any depth: lists, quotes, tables) holding a
 * change, in document order, unchanged text far from a change shortened to an ellipsis.
 */
export function changedPassages(content: Node): Node[][] {
  const passages: Node[][] = [];
  const walk = (node: Node): void => {
    const children = node.content ?? [];
    if (children.some((child) => child.type === 'text' || child.type === 'hardBreak')) {
      if (children.some(isChanged)) passages.push(withContext(children));
      return;
    }
    for (const child of children) walk(child);
  };
  walk(content);
  return passages;
}

function withContext(nodes: readonly Node[]): Node[] {
  const max = PACK_CHANGES_CONTEXT;
  return nodes.map((node, index) => {
    if (node.type !== 'text' || isChanged(node) || node.text === undefined) return node;
    const before = nodes.slice(0, index).some(isChanged);
    const after = nodes.slice(index + 1).some(isChanged);
    const characters = [...node.text];
    let text = node.text;
    if (before && after) {
      if (characters.length > 2 * max + 3)
        text = `${characters.slice(0, max).join('')} … ${characters.slice(-max).join('')}`;
    } else if (after) {
      if (characters.length > max) text = `…${characters.slice(-max).join('')}`;
    } else if (before && characters.length > max) {
      text = `${characters.slice(0, max).join('')}…`;
    }
    return text === node.text ? node : { ...node, text };
  });
}

function swapChanges(node: Node): Node {
  const swapped: Node = { ...node };
  if (node.marks)
    swapped.marks = node.marks.map((mark) =>
      mark.type === CHANGE_MARKS.inserted
        ? { ...mark, type: CHANGE_MARKS.deleted }
        : mark.type === CHANGE_MARKS.deleted
          ? { ...mark, type: CHANGE_MARKS.inserted }
          : mark,
    );
  if (node.content) swapped.content = node.content.map(swapChanges);
  return swapped;
}
