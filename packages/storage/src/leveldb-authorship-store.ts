import type { AuthorshipRecord, AuthorshipStore } from './authorship-store.ts';
import { openLeveldb } from './open-leveldb.ts';

// Note ids and author ids hold no `!`, which keeps the prefixes of one note apart from another's.
const clientPrefix = (noteId: string) => `a!${noteId}!`;
const deletionPrefix = (noteId: string) => `d!${noteId}!`;
const range = (prefix: string) => ({ gte: prefix, lt: `${prefix}\xff` });

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function checkAuthorId(authorId: string): void {
  if (authorId.length === 0 || authorId.includes('!')) throw new Error(`invalid author id ${JSON.stringify(authorId)}`);
}

/**
 * Opens the embedded LevelDB authorship store in `directory`, the engine of the document and
 * version stores: atomic batches and a process lock. Fails with a `locked` StorageError when
 * another process holds it.
 */
export async function createLeveldbAuthorshipStore(directory: string): Promise<AuthorshipStore> {
  const db = await openLeveldb(directory, 'authorship store');

  return {
    async load(noteId) {
      const record: AuthorshipRecord = { clients: new Map(), deletions: new Map() };
      const clientsPrefix = clientPrefix(noteId);
      for await (const [key, value] of db.iterator(range(clientsPrefix))) {
        record.clients.set(Number(key.slice(clientsPrefix.length)), decoder.decode(value));
      }
      const deletedPrefix = deletionPrefix(noteId);
      for await (const [key, value] of db.iterator(range(deletedPrefix))) {
        // The iterator hands out Buffers whatever the encoding; callers get plain bytes.
        record.deletions.set(key.slice(deletedPrefix.length), new Uint8Array(value));
      }
      return record;
    },
    async addClients(noteId, entries) {
      if (entries.length === 0) return;
      for (const [clientId, authorId] of entries) {
        if (!Number.isSafeInteger(clientId) || clientId < 0) throw new Error(`invalid client id ${clientId}`);
        checkAuthorId(authorId);
      }
      const keys = entries.map(([clientId]) => `${clientPrefix(noteId)}${clientId}`);
      const existing = await db.getMany(keys);
      const batch = entries.flatMap(([, authorId], index) => {
        const key = keys[index] as string;
        return existing[index] === undefined ? [{ type: 'put' as const, key, value: encoder.encode(authorId) }] : [];
      });
      if (batch.length > 0) await db.batch(batch);
    },
    async putDeletions(noteId, authorId, deletions) {
      checkAuthorId(authorId);
      await db.put(`${deletionPrefix(noteId)}${authorId}`, deletions);
    },
    async removeAll(noteId) {
      const keys = [
        ...(await db.keys(range(clientPrefix(noteId))).all()),
        ...(await db.keys(range(deletionPrefix(noteId))).all()),
      ];
      await db.batch(keys.map((key) => ({ type: 'del' as const, key })));
    },
    async close() {
      await db.close();
    },
  };
}
