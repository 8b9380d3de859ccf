import { describe, expect, it } from 'vitest';
import { type SaveFacts, saveStatusOf } from './save-status.ts';

const SYNCED: SaveFacts = {
  refused: false,
  connected: true,
  hasSynced: true,
  attemptFailed: false,
  confirmed: true,
  readOnly: false,
};

describe('saveStatusOf', () => {
  it('says saved only once the server has confirmed every edit', () => {
    expect(saveStatusOf(SYNCED)).toBe('saved');
    expect(saveStatusOf({ ...SYNCED, confirmed: false })).toBe('saving');
  });

  it('says connecting until the first sync, unless an attempt already failed', () => {
    const first = { ...SYNCED, hasSynced: false, connected: false };
    expect(saveStatusOf(first)).toBe('connecting');
    expect(saveStatusOf({ ...first, connected: true })).toBe('connecting');
    expect(saveStatusOf({ ...first, attemptFailed: true })).toBe('offline');
  });

  it('says offline once a synced page loses its link, whatever is pending', () => {
    expect(saveStatusOf({ ...SYNCED, connected: false })).toBe('offline');
    expect(saveStatusOf({ ...SYNCED, connected: false, confirmed: false })).toBe('offline');
  });

  it('tells a reader their note is saved once synced, and says refused above all', () => {
    expect(saveStatusOf({ ...SYNCED, readOnly: true, confirmed: false })).toBe('saved');
    expect(saveStatusOf({ ...SYNCED, refused: true })).toBe('refused');
    expect(saveStatusOf({ ...SYNCED, refused: true, connected: false })).toBe('refused');
  });
});
