import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { NewVersion, VersionStore } from './version-store.ts';

/** Opens a store on a location; opening the same location again must see what was written. */
export type OpenVersionStore = (location: string) => Promise<VersionStore>;

/** The behaviour every VersionStore adapter must have; each adapter's test file runs it. */
export function describeVersionStoreContract(
  adapterName: string,
  createLocation: () => Promise<string>,
  open: OpenVersionStore,
): void {
  describe(`${adapterName} version store contract`, () => {
    const opened: VersionStore[] = [];
    const openTracked = async (location: string) => {
      const store = await open(location);
      opened.push(store);
      return store;
    };

    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
    });

    it('lists nothing for a note without versions', async () => {
      const store = await openTracked(await createLocation());
      expect(await store.list('absent')).toEqual([]);
      expect(await store.get('absent', 'v1')).toBeNull();
    });

    it('returns a version with its metadata and its document', async () => {
      const store = await openTracked(await createLocation());
      const added = await store.add('note', version('v1', '2026-03-12T10:00:00.000Z', 'Envoyée au candidat'));
      expect(added).toMatchObject({ id: 'v1', noteId: 'note', kind: 'named', name: 'Envoyée au candidat' });
      expect(added.bytes).toBeGreaterThan(0);
      const got = await store.get('note', 'v1');
      expect(got?.version).toEqual(added);
      expect(textOf(got?.update ?? null)).toBe('Envoyée au candidat');
    });

    it('lists metadata newest first', async () => {
      const store = await openTracked(await createLocation());
      await store.add('note', version('b', '2026-03-12T10:00:00.000Z'));
      await store.add('note', version('c', '2026-03-13T10:00:00.000Z'));
      await store.add('note', version('a', '2026-03-11T10:00:00.000Z'));
      await store.add('note', version('d', '2026-03-13T10:00:00.000Z'));
      const list = await store.list('note');
      expect(list.map(({ id }) => id)).toEqual(['d', 'c', 'b', 'a']);
      expect(list[0]).not.toHaveProperty('update');
    });

    it('keeps notes apart', async () => {
      const store = await openTracked(await createLocation());
      await store.add('a', version('v1', '2026-03-12T10:00:00.000Z', 'économie'));
      await store.add('ab', version('v2', '2026-03-12T10:00:00.000Z', 'écologie'));
      expect((await store.list('a')).map(({ id }) => id)).toEqual(['v1']);
      expect(await store.get('a', 'v2')).toBeNull();
    });

    it('removes the versions it is given and keeps the others', async () => {
      const store = await openTracked(await createLocation());
      for (const id of ['a', 'b', 'c'])
        await store.add('note', version(id, `2026-03-1${id.charCodeAt(0) - 96}T00:00:00Z`));
      await store.remove('note', ['a', 'c', 'unknown']);
      expect((await store.list('note')).map(({ id }) => id)).toEqual(['b']);
      expect(await store.get('note', 'a')).toBeNull();
    });

    it('removes every version of a deleted note, and only those', async () => {
      const store = await openTracked(await createLocation());
      await store.add('note', version('a', '2026-03-12T10:00:00.000Z'));
      await store.add('note', version('b', '2026-03-12T11:00:00.000Z'));
      await store.add('other', version('c', '2026-03-12T11:00:00.000Z'));
      await store.removeAll('note');
      expect(await store.list('note')).toEqual([]);
      expect(await store.get('note', 'a')).toBeNull();
      expect((await store.list('other')).map(({ id }) => id)).toEqual(['c']);
    });

    it('finds versions again after closing and reopening', async () => {
      const location = await createLocation();
      const first = await open(location);
      await first.add('note', version('v1', '2026-03-12T10:00:00.000Z', 'persisté'));
      await first.close();
      const second = await openTracked(location);
      expect(textOf((await second.get('note', 'v1'))?.update ?? null)).toBe('persisté');
    });
  });
}

/** A version holding `name` as its text, named; without a name, an automatic one. */
function version(id: string, createdAt: string, name: string | null = null): NewVersion {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, name ?? `texte ${id}`);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return {
    id,
    createdAt,
    kind: name === null ? 'auto' : 'named',
    name,
    authors: ['u1'],
    wordCount: 2,
    update,
  };
}

function textOf(update: Uint8Array | null): string {
  if (update === null) throw new Error('expected a stored version, got null');
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc.getText('t').toString();
}
