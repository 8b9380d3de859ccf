import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type AuthorshipStore,
  createLeveldbAuthorshipStore,
  createLeveldbDocumentStore,
  type DocumentStore,
} from '@plume/storage';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMetrics } from '../metrics.ts';
import { createFaultyDocumentStore } from '../testing/faulty-document-store.ts';
import { createRoomRegistry } from './room-registry.ts';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function openStore(): Promise<DocumentStore> {
  const directory = await mkdtemp(join(tmpdir(), 'plume-rooms-'));
  const store = await createLeveldbDocumentStore(directory);
  cleanups.push(() => rm(directory, { recursive: true, force: true }));
  cleanups.push(() => store.close());
  return store;
}

let authorshipStore: AuthorshipStore;
beforeEach(async () => {
  const directory = await mkdtemp(join(tmpdir(), 'plume-authorship-'));
  authorshipStore = await createLeveldbAuthorshipStore(directory);
  cleanups.push(() => rm(directory, { recursive: true, force: true }));
  cleanups.push(() => authorshipStore.close());
});

function registryOver(store: DocumentStore) {
  return createRoomRegistry({
    store,
    authorshipStore,
    logger: pino({ level: 'silent' }),
    metrics: createMetrics(),
    onDocumentChange: () => {},
  });
}

function updateWithText(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

function storedText(update: Uint8Array | null): string {
  const doc = new Y.Doc();
  if (update) Y.applyUpdate(doc, update);
  return doc.getText('t').toString();
}

describe('the room registry', () => {
  it('loads a note once for concurrent connections', async () => {
    const store = await openStore();
    await store.appendUpdate('n', updateWithText('déjà écrit'));
    const rooms = registryOver(store);
    const [a, b] = await Promise.all([rooms.acquire('n'), rooms.acquire('n')]);
    expect(a).toBe(b);
    expect(a.doc.getText('t').toString()).toBe('déjà écrit');
    rooms.release(a);
    rooms.release(b);
    await rooms.settled();
    expect(rooms.size).toBe(0);
  });

  it('leaves the stored note untouched when a room is opened and closed without edits', async () => {
    const store = await openStore();
    await store.appendUpdate('n', updateWithText('intact'));
    const rooms = registryOver(store);
    rooms.release(await rooms.acquire('n'));
    await rooms.settled();
    expect(storedText(await store.loadDocument('n'))).toBe('intact');
  });

  it('keeps the room in memory when it is acquired again while it unloads', async () => {
    const store = await openStore();
    const rooms = registryOver(store);
    const first = await rooms.acquire('n');
    first.doc.getText('t').insert(0, 'gardé');
    rooms.release(first);
    const again = await rooms.acquire('n');
    await rooms.settled();
    expect(again.doc.getText('t').toString()).toBe('gardé');
    expect(rooms.size).toBe(1);
    rooms.release(again);
    await rooms.settled();
    expect(rooms.size).toBe(0);
  });

  it('writes an edit made by someone who took and gave back the room while it unloaded', async () => {
    const store = await openStore();
    const rooms = registryOver(store);
    rooms.release(await rooms.acquire('n'));
    // Taken again while the unload flushes (nothing, so it is quick), edited and given back at once.
    const again = await rooms.acquire('n');
    again.doc.getText('t').insert(0, 'écrit pendant le déchargement');
    rooms.release(again);
    await expect.poll(() => rooms.size).toBe(0);
    expect(storedText(await store.loadDocument('n'))).toBe('écrit pendant le déchargement');
  });

  it('retries failed writes, reports them, and unloads only once everything is written', async () => {
    const store = await openStore();
    const faulty = createFaultyDocumentStore(store, { failing: true });
    const rooms = registryOver(faulty);
    const room = await rooms.acquire('n');
    room.doc.getText('t').insert(0, 'sauvé malgré le disque plein');
    await expect.poll(() => rooms.hasFailingWrites).toBe(true);
    rooms.release(room);
    await expect.poll(() => faulty.refusedWrites).toBeGreaterThanOrEqual(2);
    expect(rooms.size).toBe(1);
    faulty.failing = false;

    await rooms.settled();
    expect(rooms.size).toBe(0);
    expect(rooms.hasFailingWrites).toBe(false);
    expect(storedText(await store.loadDocument('n'))).toBe('sauvé malgré le disque plein');
  });

  it('refuses a release of a room it did not hand out', async () => {
    const store = await openStore();
    const rooms = registryOver(store);
    const room = await rooms.acquire('n');
    rooms.release(room);
    expect(() => rooms.release(room)).toThrow(/not acquired/);
    await rooms.settled();
  });
});
