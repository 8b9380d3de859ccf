import type { AuditAction, AuditEntry } from '@plume/protocol';
import type { AuditLog } from '@plume/storage';
import type { Logger } from 'pino';
import type { Principal } from './sessions.ts';

/** Who acted, as the audit log names them. */
export type AuditActor = { actor: string; actorName: string | null };

/** One event to record. */
export type AuditEvent = {
  action: AuditAction;
  by: Principal | AuditActor | null;
  noteId?: string | null;
  detail?: AuditEntry['detail'];
  ip?: string | null;
};

/** Writes audit entries; repeated opens and edits by one person are folded into one per window. */
export type AuditRecorder = {
  /** Records an event; an entry that cannot be written is logged as an error, never thrown. */
  record(event: AuditEvent): void;
  /** Waits for pending entries. */
  flush(): Promise<void>;
};

// Reconnects and keystrokes would otherwise bury the log: one "opened" or "edited" per person,
// note and window is what an auditor needs.
const FOLDED_ACTIONS: ReadonlySet<AuditAction> = new Set(['note.opened', 'note.edited']);
const FOLD_WINDOW_MS = 10 * 60 * 1000;

/** Names who acted: the account, the share link used, or nobody. */
export function auditActorOf(by: AuditEvent['by']): AuditActor {
  if (by === null) return { actor: 'anonymous', actorName: null };
  if ('actor' in by) return by;
  if (by.user) return { actor: by.user.id, actorName: by.user.email };
  return { actor: `session:${by.session.id}`, actorName: null };
}

/** An audit recorder over an audit log. */
export function createAuditRecorder(log: AuditLog, logger: Logger, now: () => number = Date.now): AuditRecorder {
  const lastFolded = new Map<string, number>();
  let pending: Promise<void> = Promise.resolve();

  return {
    record({ action, by, noteId = null, detail = {}, ip = null }) {
      const { actor, actorName } = auditActorOf(by);
      if (FOLDED_ACTIONS.has(action)) {
        const key = `${action}|${actor}|${noteId}`;
        const last = lastFolded.get(key);
        if (last !== undefined && now() - last < FOLD_WINDOW_MS) return;
        lastFolded.set(key, now());
        if (lastFolded.size > 10_000) lastFolded.delete(lastFolded.keys().next().value as string);
      }
      const entry: AuditEntry = { at: new Date(now()).toISOString(), action, actor, actorName, noteId, detail, ip };
      pending = log.append(entry).catch((error: unknown) => {
        logger.error({ err: error, entry }, 'could not write to the audit log');
      });
    },
    flush: () => pending,
  };
}
