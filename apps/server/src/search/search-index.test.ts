import { describe, expect, it } from 'vitest';
import { createSearchIndex } from './search-index.ts';

const everyone = { limit: 20, canRead: () => true };

function indexOf(notes: Record<string, [string, string]>) {
  const index = createSearchIndex();
  for (const [id, [title, text]] of Object.entries(notes)) index.put(id, title, text);
  return index;
}

describe('the search index', () => {
  it('finds words whatever their accents and case, and marks them in the passage', () => {
    const index = indexOf({ a: ['Santé', "La réforme de l'hôpital public coûte cher."], b: ['Économie', 'Dette.'] });
    const { hits } = index.search('HOPITAL', everyone);
    expect(hits.map((hit) => hit.noteId)).toEqual(['a']);
    expect(hits[0]?.snippets).toEqual([
      [
        { text: "La réforme de l'", match: false },
        { text: 'hôpital', match: true },
        { text: ' public coûte cher.', match: false },
      ],
    ]);
  });

  it('needs every word, takes the last one as a prefix and ranks title matches first', () => {
    const index = indexOf({
      a: ['Santé', 'Les déserts médicaux et la dette.'],
      b: ['Dette publique', 'Les déserts du budget.'],
      c: ['Écologie', 'La dette climatique.'],
    });
    expect(index.search('dette dése', everyone).hits.map((hit) => hit.noteId)).toEqual(['b', 'a']);
    expect(index.search('dette', everyone).hits[0]?.title).toEqual([
      { text: 'Dette', match: true },
      { text: ' publique', match: false },
    ]);
  });

  it('forgives one typo in a long word', () => {
    const index = indexOf({ a: ['Transports', 'Le ferroviaire régional.'] });
    expect(index.search('feroviaire', everyone).total).toBe(1);
  });

  it('only returns notes the reader may read, and counts only those', () => {
    const index = indexOf({ a: ['Santé', 'Hôpital.'], b: ['Santé', 'Hôpital.'] });
    const result = index.search('hopital', { limit: 20, canRead: (id) => id === 'b' });
    expect(result).toMatchObject({ total: 1, hits: [{ noteId: 'b' }] });
  });

  it('forgets what a note said before it changed, and notes that were removed', () => {
    const index = indexOf({ a: ['Santé', 'Ancien texte.'] });
    index.put('a', 'Santé', 'Nouveau texte.');
    expect(index.search('ancien', everyone).total).toBe(0);
    expect(index.search('nouveau', everyone).total).toBe(1);
    index.retitle('a', 'Hôpitaux');
    expect(index.search('hopitaux nouveau', everyone).total).toBe(1);
    index.remove('a');
    expect(index.search('nouveau', everyone).total).toBe(0);
    expect(index.size).toBe(0);
  });

  it('finds nothing for a query made of stop words only', () => {
    const index = indexOf({ a: ['Santé', 'La santé et le social.'] });
    expect(index.search('la et le', everyone).total).toBe(0);
  });

  it('keeps at most three passages, each cut at word boundaries with ellipses', () => {
    const filler = 'mot '.repeat(60);
    const index = indexOf({ a: ['Note', `${filler}dette ${filler}dette ${filler}dette ${filler}dette ${filler}`] });
    const [hit] = index.search('dette', everyone).hits;
    expect(hit?.snippets).toHaveLength(3);
    for (const snippet of hit?.snippets ?? []) {
      expect(snippet[0]).toEqual({ text: '…', match: false });
      expect(snippet.at(-1)).toEqual({ text: '…', match: false });
      expect(snippet.filter((part) => part.match).map((part) => part.text)).toEqual(['dette']);
    }
  });
});
