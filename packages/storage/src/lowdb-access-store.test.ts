import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLowdbAccessStore } from './lowdb-access-store.ts';

const directories: string[] = [];
async function createPath(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'plume-access-'));
  directories.push(directory);
  return join(directory, 'access.json');
}
afterAll(async () => {
  await Promise.all(directories.map((directory) => rm(directory, { recursive: true, force: true })));
});

const grant = { noteId: 'n1', userId: 'u1', role: 'editor' as const };

describe('the lowdb access store', () => {
  it('replaces a record with the same key, removes by predicate, and keeps it all across reopening', async () => {
    const path = await createPath();
    const store = await createLowdbAccessStore(path);
    await store.grants.put(grant);
    await store.grants.put({ ...grant, role: 'viewer' });
    await store.grants.put({ ...grant, noteId: 'n2' });
    expect(store.grants.all()).toEqual([
      { ...grant, role: 'viewer' },
      { ...grant, noteId: 'n2' },
    ]);
    expect(await store.grants.remove((record) => record.noteId === 'n2')).toBe(1);
    await store.close();
    const reopened = await createLowdbAccessStore(path);
    expect(reopened.grants.all()).toEqual([{ ...grant, role: 'viewer' }]);
  });

  it('hands out copies, so a caller cannot change a record behind its back', async () => {
    const store = await createLowdbAccessStore(await createPath());
    await store.grants.put(grant);
    const copy = store.grants.find(() => true);
    if (copy) copy.role = 'owner';
    expect(store.grants.find(() => true)?.role).toBe('editor');
  });

  it('tells its listeners after each change is on disk', async () => {
    const path = await createPath();
    const store = await createLowdbAccessStore(path);
    const seen: string[] = [];
    store.onChange(() => {
      seen.push('change');
    });
    await store.grants.put(grant);
    expect(seen).toEqual(['change']);
    expect(JSON.parse(await readFile(path, 'utf8')).grants).toEqual([grant]);
  });

  it('refuses a file that is not a Plume access file, and leaves it untouched', async () => {
    const path = await createPath();
    await writeFile(path, '{"users": "nope"}');
    await expect(createLowdbAccessStore(path)).rejects.toThrow(/does not hold Plume accounts/);
    expect(await readFile(path, 'utf8')).toBe('{"users": "nope"}');
  });
});
