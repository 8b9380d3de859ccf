import type { SnippetPart } from '@plume/protocol';
import MiniSearch from 'minisearch';
import { markMatches, snippetsOf } from './search-snippets.ts';
import { indexTerm, TOKEN } from './search-terms.ts';

/** One note found, with its title and passages, matches marked. */
export type IndexHit = { noteId: string; title: SnippetPart[]; snippets: SnippetPart[][] };

/** The full-text index of every note's title and content, held in memory. */
export type SearchIndex = {
  /** Indexes a note, replacing what was indexed for it before. */
  put(noteId: string, title: string, text: string): void;
  /** Re-indexes a note's title, keeping its indexed content. */
  retitle(noteId: string, title: string): void;
  remove(noteId: string): void;
  has(noteId: string): boolean;
  /**
   * Notes containing every word of `query` (the last one also as a prefix, long ones also with
   * one typo), best first, among those `canRead` accepts; `total` counts all of those.
   */
  search(
    query: string,
    options: { limit: number; canRead: (noteId: string) => boolean },
  ): {
    hits: IndexHit[];
    total: number;
  };
  readonly size: number;
};

type IndexedNote = { id: string; title: string; text: string };

const tokenize = (text: string): string[] => Array.from(text.matchAll(TOKEN), (match) => match[0]);

/** Creates an empty index. Accents, case and French stop words are ignored on both sides. */
export function createSearchIndex(): SearchIndex {
  const notes = new Map<string, IndexedNote>();
  const index = new MiniSearch<IndexedNote>({
    fields: ['title', 'text'],
    tokenize,
    processTerm: indexTerm,
    searchOptions: {
      boost: { title: 3 },
      combineWith: 'AND',
      // As-you-type: the word being typed is a prefix; a long word forgives one typo.
      prefix: (_term, position, terms) => position === terms.length - 1,
      fuzzy: (term) => (term.length >= 6 ? 1 : false),
      maxFuzzy: 1,
    },
  });

  function put(note: IndexedNote): void {
    if (notes.has(note.id)) index.discard(note.id);
    notes.set(note.id, note);
    index.add(note);
  }

  return {
    put: (noteId, title, text) => put({ id: noteId, title, text }),
    retitle(noteId, title) {
      const note = notes.get(noteId);
      if (note && note.title !== title) put({ ...note, title });
    },
    remove(noteId) {
      if (!notes.delete(noteId)) return;
      index.discard(noteId);
    },
    has: (noteId) => notes.has(noteId),
    search(query, { limit, canRead }) {
      const results = index.search(query).filter((result) => canRead(String(result.id)));
      const hits = results.slice(0, limit).flatMap((result) => {
        const note = notes.get(String(result.id));
        if (!note) return [];
        const terms = new Set(result.terms);
        return [{ noteId: note.id, title: markMatches(note.title, terms), snippets: snippetsOf(note.text, terms) }];
      });
      return { hits, total: results.length };
    },
    get size() {
      return notes.size;
    },
  };
}
