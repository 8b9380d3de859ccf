import { promisify } from 'node:util';
import { deflateRaw, inflateRaw } from 'node:zlib';
import { openLeveldb } from './open-leveldb.ts';
import type { VersionRecord, VersionStore } from './version-store.ts';

const deflate = promisify(deflateRaw);
const inflate = promisify(inflateRaw);

// Metadata and content live under separate prefixes, so listing a note's versions never reads
// their content. Note ids and version ids hold no `!`, which keeps the prefixes apart.
const metaKey = (noteId: string, versionId: string) => `m!${noteId}!${versionId}`;
const contentKey = (noteId: string, versionId: string) => `c!${noteId}!${versionId}`;
const range = (prefix: string) => ({ gte: prefix, lt: `${prefix}\xff` });

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Opens the embedded LevelDB version store in `directory`: the same engine as the document store,
 * as it already gives atomic batches and a process lock, where one JSON file per note would need
 * both written by hand. Each version's Yjs update is deflated (text compresses several times over).
 * Fails with a `locked` StorageError when another process holds it.
 */
export async function createLeveldbVersionStore(directory: string): Promise<VersionStore> {
  const db = await openLeveldb(directory, 'version store');

  async function keysUnder(prefix: string): Promise<string[]> {
    return db.keys(range(prefix)).all();
  }

  return {
    async add(noteId, version) {
      const { update, ...fields } = version;
      const content = new Uint8Array(await deflate(update));
      const withoutSize: Omit<VersionRecord, 'bytes'> = { ...fields, noteId };
      const metaSize = encoder.encode(JSON.stringify({ ...withoutSize, bytes: 0 })).length;
      const record: VersionRecord = { ...withoutSize, bytes: content.length + metaSize };
      await db.batch([
        { type: 'put', key: contentKey(noteId, record.id), value: content },
        { type: 'put', key: metaKey(noteId, record.id), value: encoder.encode(JSON.stringify(record)) },
      ]);
      return record;
    },
    async list(noteId) {
      const values = await db.values(range(`m!${noteId}!`)).all();
      return values
        .map((value) => JSON.parse(decoder.decode(value)) as VersionRecord)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
    },
    async get(noteId, versionId) {
      const [meta, content] = await db.getMany([metaKey(noteId, versionId), contentKey(noteId, versionId)]);
      if (meta === undefined || content === undefined) return null;
      return {
        version: JSON.parse(decoder.decode(meta)) as VersionRecord,
        update: new Uint8Array(await inflate(content)),
      };
    },
    async remove(noteId, versionIds) {
      await db.batch(
        versionIds.flatMap((id) => [
          { type: 'del' as const, key: metaKey(noteId, id) },
          { type: 'del' as const, key: contentKey(noteId, id) },
        ]),
      );
    },
    async removeAll(noteId) {
      const keys = [...(await keysUnder(`m!${noteId}!`)), ...(await keysUnder(`c!${noteId}!`))];
      await db.batch(keys.map((key) => ({ type: 'del' as const, key })));
    },
    async close() {
      await db.close();
    },
  };
}
