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
    /** Runs `f` after every queued operation; resolves to null when it threw (y-leveldb logs it). */
    _transact<T>(f: (db: unknown) => Promise<T>): Promise<T | null>;
  }

  /** Keys of the updates stored for a document, at most `limit` of them. */
  export function getLevelUpdatesKeys(db: unknown, docName: string, opts?: { limit?: number }): Promise<unknown[]>;

  /** Every update stored for a document, oldest first. */
  export function getLevelUpdates(db: unknown, docName: string): Promise<Uint8Array[]>;
}
