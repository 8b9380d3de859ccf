import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeAuthorshipStoreContract } from './authorship-store.contract.ts';
import { createLeveldbAuthorshipStore } from './leveldb-authorship-store.ts';

const directories: string[] = [];
async function createDirectory(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'plume-authorship-'));
  directories.push(directory);
  return directory;
}
afterAll(async () => {
  await Promise.all(directories.map((directory) => rm(directory, { recursive: true, force: true })));
});

describeAuthorshipStoreContract('LevelDB', createDirectory, createLeveldbAuthorshipStore);

describe('the LevelDB authorship store', () => {
  it('refuses to open a directory another store holds, saying why', async () => {
    const directory = await createDirectory();
    const first = await createLeveldbAuthorshipStore(directory);
    try {
      await expect(createLeveldbAuthorshipStore(directory)).rejects.toMatchObject({ code: 'locked' });
    } finally {
      await first.close();
    }
  });
});
