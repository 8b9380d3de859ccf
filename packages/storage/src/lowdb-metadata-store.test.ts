import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLowdbMetadataStore } from './lowdb-metadata-store.ts';

const directories: string[] = [];
async function createPath(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'plume-lowdb-'));
  directories.push(directory);
  return join(directory, 'metadata.json');
}
afterAll(async () => {
  await Promise.all(directories.map((directory) => rm(directory, { recursive: true, force: true })));
});

const note = { id: 'n1', title: 'Santé', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };

describe('the lowdb metadata store', () => {
  it('lists notes most recently updated first', async () => {
    const store = await createLowdbMetadataStore(await createPath());
    await store.createNote(note);
    await store.createNote({ ...note, id: 'n2', title: 'Économie' });
    await store.touchNote('n1', '2026-01-02T00:00:00.000Z');
    expect((await store.listNotes()).map((n) => n.id)).toEqual(['n1', 'n2']);
  });

  it('keeps notes on disk across reopening', async () => {
    const path = await createPath();
    const first = await createLowdbMetadataStore(path);
    await first.createNote(note);
    await first.close();
    const second = await createLowdbMetadataStore(path);
    expect(await second.getNote('n1')).toEqual(note);
  });

  it('refuses a second note with the same id', async () => {
    const store = await createLowdbMetadataStore(await createPath());
    await store.createNote(note);
    await expect(store.createNote(note)).rejects.toThrow(/already exists/);
  });

  it('never moves a note back in time', async () => {
    const store = await createLowdbMetadataStore(await createPath());
    await store.createNote({ ...note, updatedAt: '2026-03-01T00:00:00.000Z' });
    await store.touchNote('n1', '2026-02-01T00:00:00.000Z');
    expect((await store.getNote('n1'))?.updatedAt).toBe('2026-03-01T00:00:00.000Z');
  });

  it.each([
    ['truncated JSON', '{"version":1,"notes":['],
    ['an empty file', ''],
    ['foreign JSON', '{"users":[]}'],
  ])('stops on %s and leaves the file untouched', async (_, content) => {
    const path = await createPath();
    await writeFile(path, content);
    await expect(createLowdbMetadataStore(path)).rejects.toMatchObject({ code: 'corrupt' });
    expect(await readFile(path, 'utf8')).toBe(content);
  });
});
