import type { NoteAuthor } from '@plume/protocol';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../i18n/translator.ts';
import { authorName } from './author-legend.ts';

describe('authorName', () => {
  const authors = new Map<string, NoteAuthor>([
    ['u_alice', { id: 'u_alice', name: 'Alice', clientIds: [1] }],
    ['guest:s1', { id: 'guest:s1', name: null, clientIds: [2] }],
    ['u_gone', { id: 'u_gone', name: null, clientIds: [3] }],
  ]);

  it('calls an account by its name, and anyone from a share link a guest, in the reader’s language', () => {
    const fr = createTranslator('fr');
    expect(authorName(fr, 'u_alice', authors)).toBe('Alice');
    expect(authorName(fr, 'guest:s1', authors)).toBe('Invité·e');
    expect(authorName(createTranslator('en'), 'guest:s1', authors)).toBe('Guest');
  });

  it('says when text predates authorship records, or its author cannot be named', () => {
    const fr = createTranslator('fr');
    expect(authorName(fr, null, authors)).toBe('Avant le suivi des auteurs');
    expect(authorName(fr, 'u_gone', authors)).toBe('Personne inconnue');
    expect(authorName(fr, 'u_never_listed', authors)).toBe('Personne inconnue');
  });
});
