import type { LinkRole, NoteRole } from '@plume/protocol';

/** An account. `passwordHash` is an argon2id PHC string, null until the person chooses a password. */
export type UserRecord = {
  id: string;
  /** Lower-cased; unique among accounts. */
  email: string;
  name: string;
  isAdmin: boolean;
  disabled: boolean;
  passwordHash: string | null;
  createdAt: string;
};

/**
 * A browser's session. Only the SHA-256 of its cookie token is kept, so a copy of the file opens
 * no session. A session belongs to an account, or to nobody and reaches notes through share links.
 */
export type SessionRecord = {
  /** Public id, for listing and ending sessions; not the cookie. */
  id: string;
  tokenHash: string;
  userId: string | null;
  /** Share links redeemed in this session. */
  linkIds: string[];
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
};

/** A person's role on one note. */
export type GrantRecord = { noteId: string; userId: string; role: NoteRole };

/** A share link; only the SHA-256 of its token is kept. Revoked links stay listed for the audit. */
export type ShareLinkRecord = {
  id: string;
  tokenHash: string;
  noteId: string;
  role: LinkRole;
  label: string | null;
  createdAt: string;
  /** Id of the account that created it. */
  createdBy: string;
  expiresAt: string | null;
  revokedAt: string | null;
};

/** A one-time link that lets a person choose a password: an invitation or a reset. */
export type InvitationRecord = { tokenHash: string; userId: string; expiresAt: string };

/** One kind of record, held in memory and written through on every change. */
export interface RecordCollection<T> {
  /** Every record, as copies. */
  all(): T[];
  /** The first record matching, as a copy. */
  find(predicate: (record: T) => boolean): T | undefined;
  /** Every record matching, as copies. */
  filter(predicate: (record: T) => boolean): T[];
  /** Adds a record, or replaces the one with the same key; resolves once it is on disk. */
  put(record: T): Promise<void>;
  /** Removes every record matching; resolves with how many, once on disk. */
  remove(predicate: (record: T) => boolean): Promise<number>;
}

/**
 * Accounts, sessions, roles and share links. Reads are served from memory, so the access check
 * costs no I/O; every write reaches the disk before it resolves, then change listeners run.
 */
export interface AccessStore {
  readonly users: RecordCollection<UserRecord>;
  readonly sessions: RecordCollection<SessionRecord>;
  readonly grants: RecordCollection<GrantRecord>;
  readonly shareLinks: RecordCollection<ShareLinkRecord>;
  readonly invitations: RecordCollection<InvitationRecord>;
  /** Calls `listener` after each change is written; returns a function that stops it. */
  onChange(listener: () => void): () => void;
  /** Writes out what is pending. */
  close(): Promise<void>;
}
