import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLowdbMetadataStore } from './lowdb-metadata-store.ts';
import type { NoteRecord } from './metadata-store.ts';

const directories: string[] = [];
async function createPath(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'plume-lowdb-'));
  directories.push(directory);
  return join(directory, 'metadata.json');
}
afterAll(async () => {
  await Promise.all(directories.map((directory) => rm(directory, { recursive: true, force: true })));
});

const note: NoteRecord = {
  id: 'n1',
  title: 'Santé',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  themeId: null,
  status: 'draft',
  statusHistory: [],
  ownerId: 'u1',
  contributorIds: [],
  wordCount: 0,
  deletedAt: null,
  deletedBy: null,
};
const theme = { id: 'theme-sante', name: 'Santé', color: '#bbf7d0', createdAt: note.createdAt };

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

  it('keeps trashed notes apart, and brings them back on restore', async () => {
    const store = await createLowdbMetadataStore(await createPath());
    await store.createNote(note);
    await store.createNote({ ...note, id: 'n2' });
    await store.updateNote('n1', { deletedAt: '2026-01-03T00:00:00.000Z', deletedBy: 'u1' });
    expect((await store.listNotes()).map((n) => n.id)).toEqual(['n2']);
    expect((await store.listTrashed()).map((n) => n.id)).toEqual(['n1']);
    await store.updateNote('n1', { deletedAt: null, deletedBy: null });
    expect(await store.listTrashed()).toEqual([]);
  });

  it('forgets a purged note but never lets its id be used again, even after reopening', async () => {
    const path = await createPath();
    const first = await createLowdbMetadataStore(path);
    await first.createNote(note);
    expect(await first.purgeNote('n1', '2026-01-04T00:00:00.000Z')).toBe(true);
    expect(await first.getNote('n1')).toBeUndefined();
    await first.close();
    const second = await createLowdbMetadataStore(path);
    expect(await second.isPurged('n1')).toBe(true);
    await expect(second.createNote(note)).rejects.toThrow(/already exists/);
    expect(await second.purgeNote('n1', '2026-01-05T00:00:00.000Z')).toBe(false);
  });

  it('files the notes of a removed theme under no theme', async () => {
    const store = await createLowdbMetadataStore(await createPath());
    await store.putTheme(theme);
    await store.createNote({ ...note, themeId: theme.id });
    expect(await store.removeTheme(theme.id)).toBe(true);
    expect((await store.getNote('n1'))?.themeId).toBeNull();
    expect(await store.listThemes()).toEqual([]);
  });

  it('applies the starting themes and templates once in the life of the file', async () => {
    const path = await createPath();
    const template = {
      id: 'tpl-1',
      name: 'Note',
      description: '',
      content: { type: 'doc' },
      createdAt: '',
      updatedAt: '',
    };
    const first = await createLowdbMetadataStore(path);
    expect(await first.seedOnce({ themes: [theme], templates: [template] })).toBe(true);
    await first.removeTheme(theme.id);
    await first.close();
    const second = await createLowdbMetadataStore(path);
    expect(await second.seedOnce({ themes: [theme], templates: [template] })).toBe(false);
    expect(await second.listThemes()).toEqual([]);
    expect(await second.getTemplate('tpl-1')).toEqual(template);
  });

  it('upgrades a version 1 file: its notes become drafts with no theme', async () => {
    const path = await createPath();
    const old = {
      id: 'n1',
      title: 'Santé',
      createdAt: note.createdAt,
      updatedAt: note.updatedAt,
      deletedAt: note.createdAt,
    };
    await writeFile(path, JSON.stringify({ version: 1, notes: [old] }));
    const store = await createLowdbMetadataStore(path);
    expect(await store.getNote('n1')).toEqual({ ...note, ownerId: null, deletedAt: note.createdAt });
    await store.touchNote('n1', '2026-02-01T00:00:00.000Z');
    await store.close();
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ version: 2, seeded: false });
  });

  it('remembers produced packs and finds the latest that printed a note, across reopening', async () => {
    const path = await createPath();
    const first = await createLowdbMetadataStore(path);
    const pack = {
      id: 'p1',
      title: 'Dossier du jour',
      date: '2026-12-01',
      printedAt: '2026-12-01T08:00:00.000Z',
      by: 'u1',
      notes: [
        { noteId: 'n1', versionId: 'v1' },
        { noteId: 'n2', versionId: 'v2' },
      ],
    };
    await first.addPack(pack);
    await first.addPack({
      ...pack,
      id: 'p2',
      printedAt: '2026-12-02T08:00:00.000Z',
      notes: [{ noteId: 'n1', versionId: 'v3' }],
    });
    await first.close();
    const second = await createLowdbMetadataStore(path);
    expect((await second.lastPackWith('n1'))?.id).toBe('p2');
    expect(await second.lastPackWith('n2')).toEqual(pack);
    expect(await second.lastPackWith('n3')).toBeUndefined();
  });

  it('reads a version 2 file written before packs were recorded as having none', async () => {
    const path = await createPath();
    await writeFile(
      path,
      JSON.stringify({ version: 2, notes: [note], themes: [], templates: [], purged: [], seeded: true }),
    );
    const store = await createLowdbMetadataStore(path);
    expect(await store.lastPackWith('n1')).toBeUndefined();
    expect(await store.getNote('n1')).toEqual(note);
  });

  it.each([
    ['truncated JSON', '{"version":1,"notes":['],
    ['an empty file', ''],
    ['foreign JSON', '{"users":[]}'],
    [
      'packs that are not a list',
      '{"version":2,"notes":[],"themes":[],"templates":[],"purged":[],"seeded":true,"packs":{}}',
    ],
  ])('stops on %s and leaves the file untouched', async (_, content) => {
    const path = await createPath();
    await writeFile(path, content);
    await expect(createLowdbMetadataStore(path)).rejects.toMatchObject({ code: 'corrupt' });
    expect(await readFile(path, 'utf8')).toBe(content);
  });
});
