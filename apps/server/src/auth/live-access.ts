import type { NoteRole } from '@plume/protocol';
import type { AccessStore } from '@plume/storage';
import type { AccessCheck } from './access-check.ts';
import type { Sessions } from './sessions.ts';

/** An open connection whose access is kept current. */
export type WatchedAccess = {
  readonly sessionId: string;
  readonly noteId: string;
  /** Called once the session's role on the note is no longer `role`; null when access is gone. */
  onChange(role: NoteRole | null): void;
  role: NoteRole;
};

/**
 * Re-checks the access of every open connection whenever accounts, sessions, roles or links
 * change, and every few seconds for links and sessions that expire, so that a revocation
 * reaches open connections without waiting for them to reconnect.
 */
export type LiveAccess = {
  /** Starts watching; returns a function that stops. */
  watch(watched: WatchedAccess): () => void;
  /** Tells every connection to a note that its access is gone (the note was deleted). */
  endNote(noteId: string): void;
  /** Stops the timer and the store listener. */
  close(): void;
};

/** How often expiries are checked, in milliseconds. */
export const EXPIRY_CHECK_INTERVAL_MS = 5_000;

/** Watches open connections' access over the access store. */
export function createLiveAccess(options: { store: AccessStore; sessions: Sessions; check: AccessCheck }): LiveAccess {
  const { store, sessions, check } = options;
  const watching = new Set<WatchedAccess>();
  let scheduled = false;

  function recheck(): void {
    scheduled = false;
    for (const watched of watching) {
      const role = check.roleOn(sessions.resolveById(watched.sessionId), watched.noteId);
      if (role === watched.role) continue;
      watching.delete(watched);
      watched.onChange(role);
    }
  }

  // Several writes in a row (revoke a link, end its sessions) are checked once.
  const stopListening = store.onChange(() => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(recheck);
  });
  const timer = setInterval(recheck, EXPIRY_CHECK_INTERVAL_MS);
  timer.unref();

  return {
    watch(watched) {
      watching.add(watched);
      return () => watching.delete(watched);
    },
    endNote(noteId) {
      for (const watched of watching) {
        if (watched.noteId !== noteId) continue;
        watching.delete(watched);
        watched.onChange(null);
      }
    },
    close() {
      clearInterval(timer);
      stopListening();
      watching.clear();
    },
  };
}
