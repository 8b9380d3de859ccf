import { describe, expect, it } from 'vitest';
import { frozenVersionLabel, VERSION_NAME_PRINTED_MAX } from './print-words.ts';

describe('frozenVersionLabel', () => {
  it('quotes a named version in the language’s quotes', () => {
    const version = { name: 'Envoyée au candidat', createdAt: '2026-12-02T09:00:00.000Z' };
    expect(frozenVersionLabel(version, 'fr')).toBe('« Envoyée au candidat »');
    expect(frozenVersionLabel(version, 'en')).toBe('“Envoyée au candidat”');
  });

  it('cuts a long name, keeping the closing quote', () => {
    const label = frozenVersionLabel({ name: 'x'.repeat(200), createdAt: '2026-12-02T09:00:00.000Z' }, 'fr', 10);
    expect(label).toBe(`« ${'x'.repeat(9)}… »`);
    expect([...frozenVersionLabel({ name: 'y'.repeat(200), createdAt: '2026-12-02T09:00:00.000Z' }, 'fr')].length).toBe(
      VERSION_NAME_PRINTED_MAX + 4,
    );
  });

  it('dates an unnamed version in Paris time', () => {
    // 23:30 UTC on 1 December is already 2 December in Paris.
    const label = frozenVersionLabel({ name: null, createdAt: '2026-12-01T23:30:00.000Z' }, 'fr');
    expect(label).toBe('du 2 décembre 2026 à 00:30');
  });
});
