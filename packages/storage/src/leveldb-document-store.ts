import { ClassicLevel } from 'classic-level';
import { getLevelUpdates, getLevelUpdatesKeys, LeveldbPersistence } from 'y-leveldb';
import * as Y from 'yjs';
import type { DocumentStore } from './document-store.ts';
import { StorageError } from './storage-error.ts';

/**
 * Opens the embedded LevelDB document store in `directory`, through y-leveldb, the Yjs
 * ecosystem's own adapter. Fails with a `locked` StorageError when another process holds it, and
 * with `corrupt` when LevelDB finds its files damaged (they are left as they are).
 */
export async function createLeveldbDocumentStore(directory: string): Promise<DocumentStore> {
  // y-leveldb opens its database lazily and swallows errors; handing it a database we open
  // ourselves turns a held lock or damaged files into a clear error at start-up.
  let database: ClassicLevel<string, Uint8Array> | undefined;
  const persistence = new LeveldbPersistence(directory, {
    Level: function OpenedByPlume(location: string, options: object) {
      database = new ClassicLevel(location, options);
      return database;
    } as unknown as new (
      location: string,
      options: object,
    ) => object,
  });
  if (!database) throw new Error('y-leveldb did not create its database through the given constructor');
  await openOrExplain(database, directory);

  return {
    async loadDocument(name) {
      // A compacted document is one stored update, returned as it is: decoding it into a Y.Doc
      // only to encode it again (as y-leveldb's getYDoc would) doubles the cost of a cold load.
      const updates = await persistence._transact((db) => getLevelUpdates(db, name));
      if (updates === null) throw unavailable(directory, `reading document ${name}`);
      if (updates.length <= 1) return updates[0] ?? null;
      // Y.mergeUpdates slows down sharply with many updates; a document applies them in one pass.
      const doc = new Y.Doc();
      try {
        doc.transact(() => {
          for (const update of updates) Y.applyUpdate(doc, update);
        });
        return Y.encodeStateAsUpdate(doc);
      } finally {
        doc.destroy();
      }
    },
    async appendUpdate(name, update) {
      const clock = await persistence.storeUpdate(name, update);
      if (typeof clock !== 'number') throw unavailable(directory, `writing to document ${name}`);
    },
    async compactDocument(name) {
      // A document already held in one update stays as it is: rewriting it costs a full decode.
      const keys = await persistence._transact((db) => getLevelUpdatesKeys(db, name, { limit: 2 }));
      if (keys === null) throw unavailable(directory, `compacting document ${name}`);
      if (keys.length > 1) await persistence.flushDocument(name);
    },
    async deleteDocument(name) {
      await persistence.clearDocument(name);
    },
    async close() {
      await persistence.destroy();
    },
  };
}

async function openOrExplain(database: ClassicLevel<string, Uint8Array>, directory: string): Promise<void> {
  try {
    await database.open();
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code;
    if (code === 'LEVEL_LOCKED') {
      throw new StorageError(
        'locked',
        `The document store in ${directory} is in use by another process: is Plume already running on this DATA_DIR?`,
        { cause: error },
      );
    }
    if (code === 'LEVEL_CORRUPTION') {
      throw new StorageError('corrupt', `The document store in ${directory} is damaged; it was left untouched.`, {
        cause: error,
      });
    }
    throw new StorageError('unavailable', `The document store in ${directory} cannot be opened.`, { cause: error });
  }
}

function unavailable(directory: string, action: string): StorageError {
  return new StorageError('unavailable', `The document store in ${directory} failed while ${action}.`);
}
