import { afterEach, describe, expect, it } from 'vitest';
import type { AuthorshipStore } from './authorship-store.ts';

/** Opens a store on a location; opening the same location again must see what was written. */
export type OpenAuthorshipStore = (location: string) => Promise<AuthorshipStore>;

/** The behaviour every AuthorshipStore adapter must have; each adapter's test file runs it. */
export function describeAuthorshipStoreContract(
  adapterName: string,
  createLocation: () => Promise<string>,
  open: OpenAuthorshipStore,
): void {
  describe(`${adapterName} authorship store contract`, () => {
    const opened: AuthorshipStore[] = [];
    const openTracked = async (location: string) => {
      const store = await open(location);
      opened.push(store);
      return store;
    };

    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
    });

    it('loads empty maps for a note with no record', async () => {
      const store = await openTracked(await createLocation());
      const record = await store.load('absent');
      expect(record.clients.size).toBe(0);
      expect(record.deletions.size).toBe(0);
    });

    it('keeps the first author of a client id', async () => {
      const store = await openTracked(await createLocation());
      await store.addClients('note', [
        [1, 'alice'],
        [4294967295, 'guest:s1'],
      ]);
      await store.addClients('note', [
        [1, 'mallory'],
        [2, 'bob'],
      ]);
      expect([...(await store.load('note')).clients]).toEqual(
        expect.arrayContaining([
          [1, 'alice'],
          [2, 'bob'],
          [4294967295, 'guest:s1'],
        ]),
      );
    });

    it('replaces what one author deleted and keeps notes apart', async () => {
      const store = await openTracked(await createLocation());
      await store.putDeletions('note', 'alice', new Uint8Array([1, 2]));
      await store.putDeletions('note', 'alice', new Uint8Array([3]));
      await store.putDeletions('note', 'bob', new Uint8Array([4]));
      await store.addClients('other', [[7, 'bob']]);
      const record = await store.load('note');
      expect([...record.deletions]).toEqual(
        expect.arrayContaining([
          ['alice', new Uint8Array([3])],
          ['bob', new Uint8Array([4])],
        ]),
      );
      expect(record.clients.size).toBe(0);
    });

    it('forgets a note entirely and nothing else', async () => {
      const store = await openTracked(await createLocation());
      await store.addClients('note', [[1, 'alice']]);
      await store.putDeletions('note', 'alice', new Uint8Array([1]));
      await store.addClients('note2', [[1, 'bob']]);
      await store.removeAll('note');
      const gone = await store.load('note');
      expect(gone.clients.size + gone.deletions.size).toBe(0);
      expect((await store.load('note2')).clients.get(1)).toBe('bob');
    });

    it('refuses author ids that could cross into another key', async () => {
      const store = await openTracked(await createLocation());
      await expect(store.addClients('note', [[1, 'a!b']])).rejects.toThrow(/invalid author id/);
      await expect(store.putDeletions('note', '', new Uint8Array())).rejects.toThrow(/invalid author id/);
    });

    it('keeps what was written across a reopening', async () => {
      const location = await createLocation();
      const first = await open(location);
      await first.addClients('note', [[9, 'alice']]);
      await first.putDeletions('note', 'alice', new Uint8Array([5, 6]));
      await first.close();
      const again = await openTracked(location);
      const record = await again.load('note');
      expect(record.clients.get(9)).toBe('alice');
      expect(record.deletions.get('alice')).toEqual(new Uint8Array([5, 6]));
    });
  });
}
