import type { DocumentStore } from '@plume/storage';

/** A real document store whose writes can be made to fail, as a full disk would make them. */
export type FaultyDocumentStore = DocumentStore & {
  /** While true, every append throws ENOSPC and writes nothing. */
  failing: boolean;
  /** Appends refused so far. */
  readonly refusedWrites: number;
};

/** Wraps `store`; reads and everything else pass through untouched. */
export function createFaultyDocumentStore(
  store: DocumentStore,
  options: { failing?: boolean } = {},
): FaultyDocumentStore {
  let refusedWrites = 0;
  const faulty: FaultyDocumentStore = {
    failing: options.failing ?? false,
    get refusedWrites() {
      return refusedWrites;
    },
    loadDocument: (name) => store.loadDocument(name),
    async appendUpdate(name, update) {
      if (faulty.failing) {
        refusedWrites++;
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      }
      await store.appendUpdate(name, update);
    },
    compactDocument: (name) => store.compactDocument(name),
    deleteDocument: (name) => store.deleteDocument(name),
    close: () => store.close(),
  };
  return faulty;
}
