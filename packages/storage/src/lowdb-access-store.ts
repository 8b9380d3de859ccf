import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type {
  AccessStore,
  GrantRecord,
  InvitationRecord,
  RecordCollection,
  SessionRecord,
  ShareLinkRecord,
  UserRecord,
} from './access-store.ts';
import { StorageError } from './storage-error.ts';

type AccessFile = {
  version: 1;
  users: UserRecord[];
  sessions: SessionRecord[];
  grants: GrantRecord[];
  shareLinks: ShareLinkRecord[];
  invitations: InvitationRecord[];
};

const COLLECTIONS = ['users', 'sessions', 'grants', 'shareLinks', 'invitations'] as const;

/**
 * Opens the lowdb access store kept in the JSON file at `path`, created on first use. A file that
 * is not a Plume access file stops the opening with a `corrupt` StorageError and is left as is.
 */
export async function createLowdbAccessStore(path: string): Promise<AccessStore> {
  const db = new Low<AccessFile>(new JSONFile(path), {
    version: 1,
    users: [],
    sessions: [],
    grants: [],
    shareLinks: [],
    invitations: [],
  });
  try {
    await db.read();
  } catch (error) {
    throw new StorageError('corrupt', `The access file ${path} is not valid JSON; it was left untouched.`, {
      cause: error,
    });
  }
  if (!isAccessFile(db.data)) {
    throw new StorageError('corrupt', `The access file ${path} does not hold Plume accounts; it was left untouched.`);
  }

  const listeners = new Set<() => void>();
  let lastWrite: Promise<void> = Promise.resolve();
  // Writes are chained so that the file always ends with the latest state, then listeners learn of it.
  const write = () => {
    lastWrite = lastWrite
      .catch(() => undefined)
      .then(() => db.write())
      .then(() => {
        for (const listener of listeners) listener();
      });
    return lastWrite;
  };

  function collection<T>(name: (typeof COLLECTIONS)[number], keyOf: (record: T) => string): RecordCollection<T> {
    const records = () => db.data[name] as unknown as T[];
    return {
      all: () => records().map((record) => structuredClone(record)),
      find: (predicate) => {
        const found = records().find(predicate);
        return found && structuredClone(found);
      },
      filter: (predicate) =>
        records()
          .filter(predicate)
          .map((record) => structuredClone(record)),
      async put(record) {
        const list = records();
        const key = keyOf(record);
        const index = list.findIndex((existing) => keyOf(existing) === key);
        if (index === -1) list.push(structuredClone(record));
        else list[index] = structuredClone(record);
        await write();
      },
      async remove(predicate) {
        const list = records();
        const kept = list.filter((record) => !predicate(record));
        const removed = list.length - kept.length;
        if (removed === 0) return 0;
        (db.data[name] as unknown as T[]) = kept;
        await write();
        return removed;
      },
    };
  }

  return {
    users: collection<UserRecord>('users', (user) => user.id),
    sessions: collection<SessionRecord>('sessions', (session) => session.id),
    grants: collection<GrantRecord>('grants', (grant) => `${grant.noteId}:${grant.userId}`),
    shareLinks: collection<ShareLinkRecord>('shareLinks', (link) => link.id),
    invitations: collection<InvitationRecord>('invitations', (invitation) => invitation.tokenHash),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      // A failed write was already reported to its caller; closing only waits for it to settle.
      await lastWrite.catch(() => undefined);
    },
  };
}

function isAccessFile(value: unknown): value is AccessFile {
  if (typeof value !== 'object' || value === null) return false;
  const file = value as Record<string, unknown>;
  return file.version === 1 && COLLECTIONS.every((name) => Array.isArray(file[name]));
}
