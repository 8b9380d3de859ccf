export type { DocumentStore } from './document-store.ts';
export { createLeveldbDocumentStore } from './leveldb-document-store.ts';
export { createLowdbMetadataStore } from './lowdb-metadata-store.ts';
export type { MetadataStore, NoteRecord } from './metadata-store.ts';
export type { StorageErrorCode } from './storage-error.ts';
export { StorageError } from './storage-error.ts';
