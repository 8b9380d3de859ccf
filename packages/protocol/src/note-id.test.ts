import { describe, expect, it } from 'vitest';
import { createNoteId, isNoteId, NOTE_ID_LENGTH } from './note-id.ts';

describe('note ids', () => {
  it('creates ids that follow the pattern', () => {
    for (let i = 0; i < 200; i++) expect(isNoteId(createNoteId())).toBe(true);
  });

  it('creates distinct ids', () => {
    const ids = new Set(Array.from({ length: 1000 }, createNoteId));
    expect(ids.size).toBe(1000);
  });

  it.each([
    ['too short', 'a'.repeat(NOTE_ID_LENGTH - 1)],
    ['too long', 'a'.repeat(NOTE_ID_LENGTH + 1)],
    ['upper case', 'A'.repeat(NOTE_ID_LENGTH)],
    ['path traversal', `../${'a'.repeat(NOTE_ID_LENGTH - 3)}`],
    ['trailing newline', `${'a'.repeat(NOTE_ID_LENGTH)}\n`],
    ['not a string', 42],
  ])('refuses %s', (_, value) => {
    expect(isNoteId(value)).toBe(false);
  });
});
