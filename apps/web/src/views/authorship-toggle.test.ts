import { describe, expect, it } from 'vitest';
import { authorshipColoursWanted, rememberAuthorshipColours } from './authorship-toggle.ts';

/** The part of localStorage the switch uses, kept in a map. */
function memoryStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => items.set(key, value),
    removeItem: (key) => items.delete(key),
  };
}

describe('the authorship colours preference', () => {
  it('is off until the person switches the colours on', () => {
    expect(authorshipColoursWanted(memoryStorage())).toBe(false);
  });

  it('stays on across pages once switched on, and off once switched off', () => {
    const storage = memoryStorage();
    rememberAuthorshipColours(storage, true);
    expect(authorshipColoursWanted(storage)).toBe(true);
    rememberAuthorshipColours(storage, false);
    expect(authorshipColoursWanted(storage)).toBe(false);
  });
});
