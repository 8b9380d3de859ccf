/**
 * Where the Yjs updates of each note's document are kept. Every adapter passes the contract suite
 * in `document-store.contract.ts`.
 */
export interface DocumentStore {
  /** The whole stored state of a document as one Yjs update, or null when nothing is stored. */
  loadDocument(name: string): Promise<Uint8Array | null>;
  /** Durably appends one Yjs update; resolves once it is written. Appends keep their order. */
  appendUpdate(name: string, update: Uint8Array): Promise<void>;
  /** Merges a document's stored updates into one, to keep loading fast; content is unchanged. */
  compactDocument(name: string): Promise<void>;
  /** Removes every update of a document. */
  deleteDocument(name: string): Promise<void>;
  /** Writes out what is pending and releases the store's files. */
  close(): Promise<void>;
}
