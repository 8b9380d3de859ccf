import { describe, expect, it } from 'vitest';
import { LANGUAGE_STORAGE_KEY, preferredLanguage, rememberLanguage } from './language-preference.ts';
import { createTranslator, pickLanguage } from './translator.ts';

/** The part of the browser's Storage that the language choice uses, kept in memory. */
function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

describe('choosing the language', () => {
  it('speaks French unless asked otherwise', () => {
    expect(pickLanguage('')).toBe('fr');
    expect(pickLanguage('?lang=de', 'es')).toBe('fr');
  });

  it('lets ?lang= in the address win over the remembered choice', () => {
    expect(pickLanguage('?lang=en', 'fr')).toBe('en');
    expect(pickLanguage('?lang=fr', 'en')).toBe('fr');
    expect(pickLanguage('?view=board', 'en')).toBe('en');
  });

  it('remembers the switch and drops ?lang= from the address so that it sticks', () => {
    const storage = memoryStorage();
    expect(rememberLanguage(storage, 'en', '?lang=fr&view=board')).toBe('?view=board');
    expect(storage.items.get(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(preferredLanguage('', storage)).toBe('en');
    expect(rememberLanguage(storage, 'fr', '?lang=en')).toBe('');
  });
});

describe('the translator', () => {
  const fr = createTranslator('fr');
  const en = createTranslator('en');

  it('picks the singular or plural form and formats the count', () => {
    expect(fr.tCount('notes.words', 0)).toBe('0 mot');
    expect(fr.tCount('notes.words', 1)).toBe('1 mot');
    expect(fr.tCount('notes.words', 12345)).toBe('12\u202f345 mots');
    expect(en.tCount('notes.words', 0)).toBe('0 words');
    expect(en.tCount('notes.words', 1)).toBe('1 word');
  });

  it('says how long ago something happened, up to a week', () => {
    const now = Date.parse('2026-03-12T14:05:00.000Z');
    expect(fr.formatRelative('2026-03-12T14:04:50.000Z', now)).toBe('à l’instant');
    expect(fr.formatRelative('2026-03-12T14:00:00.000Z', now)).toBe('il y a 5 minutes');
    expect(en.formatRelative('2026-03-12T11:00:00.000Z', now)).toBe('3 hours ago');
    expect(fr.formatRelative('2026-03-11T12:00:00.000Z', now)).toBe('hier');
    expect(fr.formatRelative('2026-03-01T12:00:00.000Z', now)).toBeNull();
    expect(fr.formatRelative('not a date', now)).toBeNull();
  });

  it('joins names as a sentence does', () => {
    expect(fr.formatList(['Anne', 'Bruno', 'Chloé'])).toBe('Anne, Bruno et Chloé');
    expect(en.formatList(['Anne', 'Bruno'])).toBe('Anne and Bruno');
  });
});
