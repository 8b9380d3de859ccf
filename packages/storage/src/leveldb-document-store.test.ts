import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeDocumentStoreContract } from './document-store.contract.ts';
import { createLeveldbDocumentStore } from './leveldb-document-store.ts';

const directories: string[] = [];
async function createDirectory(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'plume-leveldb-'));
  directories.push(directory);
  return directory;
}
afterAll(async () => {
  await Promise.all(directories.map((directory) => rm(directory, { recursive: true, force: true })));
});

describeDocumentStoreContract('LevelDB', createDirectory, createLeveldbDocumentStore);

describe('the LevelDB document store', () => {
  it('refuses to open a directory another store holds, saying why', async () => {
    const directory = await createDirectory();
    const first = await createLeveldbDocumentStore(directory);
    try {
      await expect(createLeveldbDocumentStore(directory)).rejects.toMatchObject({
        code: 'locked',
        message: expect.stringContaining('in use by another process'),
      });
    } finally {
      await first.close();
    }
  });
});
