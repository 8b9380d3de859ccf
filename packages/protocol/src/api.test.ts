import { describe, expect, it } from 'vitest';
import { NOTE_TITLE_MAX_LENGTH, parseCreateNoteRequest } from './api.ts';

describe('parseCreateNoteRequest', () => {
  it('trims the title', () => {
    expect(parseCreateNoteRequest({ title: '  Économie  ' })).toEqual({
      ok: true,
      value: { title: 'Économie' },
    });
  });

  it('replaces control characters in the title', () => {
    expect(parseCreateNoteRequest({ title: 'Santé\nfausse ligne' })).toEqual({
      ok: true,
      value: { title: 'Santé fausse ligne' },
    });
  });

  it.each([
    ['null', null],
    ['an array', ['title']],
    ['a missing title', {}],
    ['a numeric title', { title: 3 }],
    ['a blank title', { title: '   ' }],
    ['an overlong title', { title: 'x'.repeat(NOTE_TITLE_MAX_LENGTH + 1) }],
  ])('refuses %s with a message', (_, body) => {
    const result = parseCreateNoteRequest(body);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/\w/);
  });
});
