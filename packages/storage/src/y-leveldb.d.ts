// y-leveldb ships types its package.json "exports" do not expose; this declares the part we use.
declare module 'y-leveldb' {
  import type * as Y from 'yjs';

  type LevelConstructor = new (location: string, options: object) => object;

  export class LeveldbPersistence {
    constructor(location: string, options?: { Level?: LevelConstructor; levelOptions?: object });
    /** Resolves to null when the underlying operation failed: y-leveldb logs and swallows errors. */
    getYDoc(docName: string): Promise<Y.Doc | null>;
    /** Resolves to the stored update's clock, or null when the write failed. */
    storeUpdate(docName: string, update: Uint8Array): Promise<number | null>;
    flushDocument(docName: string): Promise<void>;
    clearDocument(docName: string): Promise<void>;
    destroy(): Promise<void>;
  }
}
