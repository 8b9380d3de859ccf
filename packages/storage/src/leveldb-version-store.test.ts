import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLeveldbVersionStore } from './leveldb-version-store.ts';
import { describeVersionStoreContract } from './version-store.contract.ts';

const directories: string[] = [];
async function createDirectory(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'plume-versions-'));
  directories.push(directory);
  return directory;
}
afterAll(async () => {
  await Promise.all(directories.map((directory) => rm(directory, { recursive: true, force: true })));
});

describeVersionStoreContract('LevelDB', createDirectory, createLeveldbVersionStore);

describe('the LevelDB version store', () => {
  it('refuses to open a directory another store holds, saying why', async () => {
    const directory = await createDirectory();
    const first = await createLeveldbVersionStore(directory);
    try {
      await expect(createLeveldbVersionStore(directory)).rejects.toMatchObject({ code: 'locked' });
    } finally {
      await first.close();
    }
  });

  it('stores text compressed, in fewer bytes than its Yjs update', async () => {
    const store = await createLeveldbVersionStore(await createDirectory());
    try {
      const { Doc, encodeStateAsUpdate } = await import('yjs');
      const doc = new Doc();
      doc.getText('t').insert(0, 'La politique du logement et la politique de la ville. '.repeat(200));
      const update = encodeStateAsUpdate(doc);
      const added = await store.add('note', {
        id: 'v1',
        createdAt: '2026-03-12T10:00:00.000Z',
        kind: 'auto',
        name: null,
        authors: [],
        wordCount: 1800,
        update,
      });
      expect(added.bytes).toBeLessThan(update.length / 4);
    } finally {
      await store.close();
    }
  });
});
