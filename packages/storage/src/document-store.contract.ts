import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocumentStore } from './document-store.ts';

/** Opens a store on a location; opening the same location again must see what was written. */
export type OpenDocumentStore = (location: string) => Promise<DocumentStore>;

/** The behaviour every DocumentStore adapter must have; each adapter's test file runs it. */
export function describeDocumentStoreContract(
  adapterName: string,
  createLocation: () => Promise<string>,
  open: OpenDocumentStore,
): void {
  describe(`${adapterName} document store contract`, () => {
    const opened: DocumentStore[] = [];
    const openTracked = async (location: string) => {
      const store = await open(location);
      opened.push(store);
      return store;
    };

    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
    });

    it('returns null for a document that was never stored', async () => {
      const store = await openTracked(await createLocation());
      expect(await store.loadDocument('absent')).toBeNull();
    });

    it('returns every appended update, merged', async () => {
      const store = await openTracked(await createLocation());
      const source = new Y.Doc();
      source.on('update', (update: Uint8Array) => void store.appendUpdate('note', update));
      source.getText('t').insert(0, 'Contexte');
      source.getText('t').insert(8, ' et constat');
      await store.appendUpdate('note', Y.encodeStateAsUpdate(source));

      expect(textOf(await store.loadDocument('note'))).toBe('Contexte et constat');
    });

    it('keeps documents apart', async () => {
      const store = await openTracked(await createLocation());
      await store.appendUpdate('a', updateWithText('économie'));
      await store.appendUpdate('b', updateWithText('écologie'));
      expect(textOf(await store.loadDocument('a'))).toBe('économie');
      expect(textOf(await store.loadDocument('b'))).toBe('écologie');
    });

    it('keeps updates appended concurrently', async () => {
      const store = await openTracked(await createLocation());
      const docs = Array.from({ length: 20 }, (_, i) => updateWithText(`part ${i};`));
      await Promise.all(docs.map((update) => store.appendUpdate('note', update)));
      const text = textOf(await store.loadDocument('note'));
      for (let i = 0; i < 20; i++) expect(text).toContain(`part ${i};`);
    });

    it('finds the document again after closing and reopening', async () => {
      const location = await createLocation();
      const first = await open(location);
      await first.appendUpdate('note', updateWithText('persisté'));
      await first.close();
      const second = await openTracked(location);
      expect(textOf(await second.loadDocument('note'))).toBe('persisté');
    });

    it('keeps content unchanged through compaction', async () => {
      const store = await openTracked(await createLocation());
      const source = new Y.Doc();
      const writes: Promise<void>[] = [];
      source.on('update', (update: Uint8Array) => writes.push(store.appendUpdate('note', update)));
      for (let i = 0; i < 50; i++) source.getText('t').insert(i, 'x');
      source.getText('t').delete(0, 10);
      await Promise.all(writes);
      await store.compactDocument('note');
      expect(textOf(await store.loadDocument('note'))).toBe('x'.repeat(40));
    });

    it('forgets a deleted document', async () => {
      const store = await openTracked(await createLocation());
      await store.appendUpdate('note', updateWithText('à effacer'));
      await store.deleteDocument('note');
      expect(await store.loadDocument('note')).toBeNull();
    });
  });
}

function updateWithText(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

function textOf(update: Uint8Array | null): string {
  if (update === null) throw new Error('expected a stored document, got null');
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc.getText('t').toString();
}
