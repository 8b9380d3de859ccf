import type { AuditEntry } from '@plume/protocol';

/** What to read back from the audit log. */
export type AuditQuery = {
  /** Only entries about this note. */
  noteId?: string;
  /** Most entries returned, newest first. */
  limit: number;
};

/** An append-only record of who did what; entries are never changed or removed. */
export interface AuditLog {
  /** Appends one entry; resolves once it is written. */
  append(entry: AuditEntry): Promise<void>;
  /** The newest entries matching `query`, newest first. */
  read(query: AuditQuery): Promise<AuditEntry[]>;
  /** Waits for pending appends. */
  close(): Promise<void>;
}
