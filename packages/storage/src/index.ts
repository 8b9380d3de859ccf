export type {
  AccessStore,
  GrantRecord,
  InvitationRecord,
  RecordCollection,
  SessionRecord,
  ShareLinkRecord,
  UserRecord,
} from './access-store.ts';
export type { AuditLog, AuditQuery } from './audit-log.ts';
export type { AuthorshipRecord, AuthorshipStore } from './authorship-store.ts';
export type { DocumentStore } from './document-store.ts';
export { createJsonlAuditLog } from './jsonl-audit-log.ts';
export { createLeveldbAuthorshipStore } from './leveldb-authorship-store.ts';
export { createLeveldbDocumentStore } from './leveldb-document-store.ts';
export { createLeveldbVersionStore } from './leveldb-version-store.ts';
export { createLowdbAccessStore } from './lowdb-access-store.ts';
export { createLowdbMetadataStore } from './lowdb-metadata-store.ts';
export type {
  MetadataStore,
  NotePatch,
  NoteRecord,
  PackRecord,
  StatusRecord,
  TemplateRecord,
  ThemeRecord,
  WorkspaceSeed,
} from './metadata-store.ts';
export type { StorageErrorCode } from './storage-error.ts';
export { StorageError } from './storage-error.ts';
export type { NewVersion, VersionRecord, VersionStore } from './version-store.ts';
