import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOCUMENT_FIELD } from '@plume/editor-schema';
import {
  type AuthorshipStore,
  createLeveldbAuthorshipStore,
  createLeveldbVersionStore,
  type VersionStore,
} from '@plume/storage';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { loadNoteAuthorship } from '../authorship/note-authorship.ts';
import type { Room } from '../sync/room.ts';
import { noteText, typeInNote } from '../testing/index.ts';
import { createNoteVersions, type NoteVersions } from './note-versions.ts';
import { BURST_IDLE_MS, BURST_MAX_MS, MAX_AUTO_VERSION_BYTES, MAX_AUTO_VERSIONS } from './version-bounds.ts';

const NOTE = 'note';
const START = new Date('2026-03-01T08:00:00.000Z');
const MINUTE = 60_000;

let directory: string;
let store: VersionStore;
let authorship: AuthorshipStore;
let doc: Y.Doc;
let versions: NoteVersions;
let changes: string[];

beforeEach(async () => {
  // Only timers and the clock are faked: LevelDB's own callbacks must keep running.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: START });
  directory = await mkdtemp(join(tmpdir(), 'plume-note-versions-'));
  store = await createLeveldbVersionStore(join(directory, 'versions'));
  authorship = await createLeveldbAuthorshipStore(join(directory, 'authorship'));
  doc = new Y.Doc();
  changes = [];
  const logger = pino({ level: 'silent' });
  const room = {
    noteId: NOTE,
    doc,
    authorship: await loadNoteAuthorship({ noteId: NOTE, store: authorship, logger }),
  } as Room;
  versions = createNoteVersions({
    store,
    rooms: {
      peek: () => room,
      acquire: async () => room,
      release: () => undefined,
    },
    documents: { loadDocument: async () => null },
    authorship,
    logger,
    onVersionsChange: (noteId) => changes.push(noteId),
  });
});

afterEach(async () => {
  await versions.close();
  await Promise.all([store.close(), authorship.close()]);
  vi.useRealTimers();
  await rm(directory, { recursive: true, force: true });
});

function edit(text: string, by = 'alice'): void {
  typeInNote(doc, 0, text);
  versions.edited(NOTE, by);
  versions.documentChanged(NOTE);
}

describe('automatic versions', () => {
  it('freezes a burst of editing after two minutes without an edit, naming its authors', async () => {
    edit('Contexte');
    vi.advanceTimersByTime(MINUTE);
    edit('Constat ', 'bruno');
    vi.advanceTimersByTime(BURST_IDLE_MS - 1);
    expect(await store.list(NOTE)).toEqual([]);
    vi.advanceTimersByTime(1);
    await expect.poll(() => store.list(NOTE)).toHaveLength(1);
    const [version] = await store.list(NOTE);
    expect(version).toMatchObject({ kind: 'auto', name: null, wordCount: 2 });
    expect(version?.authors.sort()).toEqual(['alice', 'bruno']);
    expect(changes).toEqual([NOTE]);
  });

  it('freezes continuous editing every thirty minutes', async () => {
    for (let minute = 0; minute < 31; minute++) {
      edit('x');
      vi.advanceTimersByTime(MINUTE);
    }
    await expect.poll(() => store.list(NOTE)).toHaveLength(1);
    const [version] = await store.list(NOTE);
    expect(Date.parse(version?.createdAt ?? '') - START.getTime()).toBe(BURST_MAX_MS);
  });

  it('freezes nothing when the content is what the last version holds', async () => {
    edit('Contexte');
    await versions.endBursts();
    expect(await store.list(NOTE)).toHaveLength(1);
    // An edit undone within the burst leaves the content as it was.
    typeInNote(doc, 0, 'x');
    const run = (doc.getXmlFragment(DOCUMENT_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    run.delete(0, 1);
    versions.documentChanged(NOTE);
    vi.advanceTimersByTime(BURST_IDLE_MS);
    await versions.endBursts();
    expect(await store.list(NOTE)).toHaveLength(1);
  });

  it('freezes an unfinished burst when the room unloads', async () => {
    edit('Dernier mot');
    versions.roomUnloading(NOTE, doc);
    await expect.poll(() => store.list(NOTE)).toHaveLength(1);
    // The burst is over: its timer fires no second version.
    vi.advanceTimersByTime(BURST_MAX_MS);
    await versions.endBursts();
    expect(await store.list(NOTE)).toHaveLength(1);
  });

  it('freezes named versions even when nothing changed, and keeps them through thinning', async () => {
    edit('Contexte');
    const named = await versions.freeze(NOTE, { kind: 'named', name: 'Envoyée au candidat' });
    const validated = await versions.freeze(NOTE, { kind: 'validated', name: 'Validée le 1 mars 2026' });
    for (let burst = 0; burst < MAX_AUTO_VERSIONS + 20; burst++) {
      vi.setSystemTime(START.getTime() + (burst + 1) * 3 * 60 * MINUTE);
      edit(`mot${burst} `);
      await versions.endBursts();
    }
    const list = await store.list(NOTE);
    expect(list.map(({ id }) => id)).toEqual(expect.arrayContaining([named.id, validated.id]));
    expect(list.filter(({ kind }) => kind === 'auto').length).toBeLessThanOrEqual(MAX_AUTO_VERSIONS);
  });
});

describe('restoring a version', () => {
  it('brings the content back as one change, after freezing the current state', async () => {
    edit('Première rédaction');
    const first = await versions.freeze(NOTE, { kind: 'named', name: 'Première' });
    typeInNote(doc, 0, 'Ajout tardif, ');
    const updates: unknown[] = [];
    doc.on('update', (_update: Uint8Array, origin: unknown) => updates.push(origin));
    const restored = await versions.restore(NOTE, first.id, 'carole');
    expect(noteText(doc)).toBe('Première rédaction');
    expect(updates).toHaveLength(1);
    expect(restored).toMatchObject({ kind: 'restored', name: 'Restauration de « Première »', authors: ['carole'] });
    const list = await store.list(NOTE);
    expect(list.map(({ kind }) => kind)).toEqual(['restored', 'auto', 'named']);
    const frozen = await versions.get(NOTE, list[1]?.id ?? '');
    expect(JSON.stringify(frozen?.content)).toContain('Ajout tardif, Première rédaction');
  });

  it('refuses a version the note does not have', async () => {
    await expect(versions.restore(NOTE, '0000000000000000000000', null)).rejects.toMatchObject({
      code: 'versionNotFound',
    });
  });
});

describe('the space versions take', () => {
  it('stays within the documented bound for a note edited every day for thirty days', async () => {
    const words = ['budget', 'commune', 'logement', 'transport', 'école', 'santé', 'emploi', 'culture'];
    let seed = 1;
    const nextWord = () => {
      seed = (seed * 48271) % 2147483647;
      return `${words[seed % words.length]}${seed % 97}`;
    };
    const fragment = doc.getXmlFragment(DOCUMENT_FIELD);
    let bursts = 0;
    for (let day = 0; day < 30; day++) {
      for (let burst = 0; burst < 8; burst++) {
        vi.setSystemTime(START.getTime() + day * 24 * 60 * MINUTE + burst * 75 * MINUTE);
        // About 200 words a burst, as one new paragraph.
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText(Array.from({ length: 200 }, nextWord).join(' '))]);
        doc.transact(() => fragment.insert(fragment.length, [paragraph]));
        versions.edited(NOTE, 'alice');
        versions.documentChanged(NOTE);
        await versions.endBursts();
        bursts++;
      }
    }
    const list = await store.list(NOTE);
    const bytes = list.reduce((sum, { bytes: size }) => sum + size, 0);
    expect(bursts).toBe(240);
    expect(list.length).toBeLessThanOrEqual(MAX_AUTO_VERSIONS);
    // Every version of the last 24 hours (the last day's 8 and the one exactly a day old), one an
    // hour up to a week (48 bursts, each in its own hour), then one a day (23 days).
    expect(list.length).toBe(9 + 48 + 23);
    expect(bytes).toBeLessThanOrEqual(MAX_AUTO_VERSION_BYTES);
    // Measured at about 6.1 MB for 80 versions of a note grown to 48,000 words.
    expect(bytes).toBeLessThan(8 * 1024 * 1024);
    expect(list[0]?.wordCount).toBe(240 * 200);
  }, 60_000);
});
