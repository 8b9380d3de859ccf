import { isSafeColor } from '@plume/protocol';
import { describe, expect, it } from 'vitest';
import { loadIdentity, saveIdentity } from './user-identity.ts';

/** The part of the browser's Storage that identities use, kept in memory. */
function memoryStorage(initial: Record<string, string> = {}): Storage {
  const items = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  } as Storage;
}

describe('user identity', () => {
  it('remembers a chosen name and keeps its colour when the name changes', () => {
    const storage = memoryStorage();
    expect(loadIdentity(storage)).toBeNull();
    const first = saveIdentity(storage, 'Anne', null);
    expect(loadIdentity(storage)).toEqual(first);
    const renamed = saveIdentity(storage, 'Anne M.', first);
    expect(renamed.color).toBe(first.color);
  });

  it('ignores a damaged remembered identity', () => {
    expect(loadIdentity(memoryStorage({ 'plume.identity': '{not json' }))).toBeNull();
    expect(loadIdentity(memoryStorage({ 'plume.identity': '{"name":""}' }))).toBeNull();
    const recoloured = loadIdentity(memoryStorage({ 'plume.identity': '{"name":"Léa","color":"javascript:x"}' }));
    expect(recoloured?.name).toBe('Léa');
    expect(isSafeColor(recoloured?.color)).toBe(true);
  });
});
