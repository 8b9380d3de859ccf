import type { AccessStore, SessionRecord, UserRecord } from '@plume/storage';
import { createRecordId, createSecretToken, hashToken } from './secret-token.ts';

/** How long a session lasts after it is created, in milliseconds (30 days). */
export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

// Recording every request's time would rewrite the file constantly; once an hour is enough to list.
const LAST_SEEN_RESOLUTION_MS = 60 * 60 * 1000;

/** Who is asking: a live session, with its account when it has one. */
export type Principal = { session: SessionRecord; user: UserRecord | null };

/** Creating, finding and ending sessions. */
export type Sessions = {
  /** Starts a session for an account, or for nobody with share links; returns its cookie token. */
  create(userId: string | null, linkIds: string[]): Promise<{ token: string; session: SessionRecord }>;
  /** The live session a cookie token opens, or null: unknown, expired, or its account disabled. */
  resolve(token: string | null): Principal | null;
  /** Finds a live session by its public id, the way `resolve` would. */
  resolveById(sessionId: string): Principal | null;
  /** Adds a redeemed share link to a session. */
  addLink(session: SessionRecord, linkId: string): Promise<void>;
  /** Ends one session. */
  end(sessionId: string): Promise<void>;
  /** Ends every session of an account, but `exceptSessionId` if given. */
  endForUser(userId: string, exceptSessionId?: string): Promise<number>;
  /** Ends every session, but `exceptSessionId` if given. */
  endAll(exceptSessionId?: string): Promise<number>;
};

/** Sessions kept in the access store; only token hashes are stored. */
export function createSessions(store: AccessStore, now: () => number = Date.now): Sessions {
  function principalOf(session: SessionRecord | undefined): Principal | null {
    if (!session || Date.parse(session.expiresAt) <= now()) return null;
    if (session.userId === null) return { session, user: null };
    const user = store.users.find((candidate) => candidate.id === session.userId);
    if (!user || user.disabled) return null;
    return { session, user };
  }

  return {
    async create(userId, linkIds) {
      const token = createSecretToken();
      const at = new Date(now());
      const session: SessionRecord = {
        id: createRecordId(),
        tokenHash: hashToken(token),
        userId,
        linkIds,
        createdAt: at.toISOString(),
        lastSeenAt: at.toISOString(),
        expiresAt: new Date(at.getTime() + SESSION_LIFETIME_MS).toISOString(),
      };
      await store.sessions.put(session);
      return { token, session };
    },
    resolve(token) {
      if (!token) return null;
      const tokenHash = hashToken(token);
      const principal = principalOf(store.sessions.find((session) => session.tokenHash === tokenHash));
      if (principal && now() - Date.parse(principal.session.lastSeenAt) > LAST_SEEN_RESOLUTION_MS) {
        // Best effort: a failed write only makes the session list a little stale.
        store.sessions.put({ ...principal.session, lastSeenAt: new Date(now()).toISOString() }).catch(() => undefined);
      }
      return principal;
    },
    resolveById(sessionId) {
      return principalOf(store.sessions.find((session) => session.id === sessionId));
    },
    async addLink(session, linkId) {
      if (session.linkIds.includes(linkId)) return;
      await store.sessions.put({ ...session, linkIds: [...session.linkIds, linkId] });
    },
    async end(sessionId) {
      await store.sessions.remove((session) => session.id === sessionId);
    },
    endForUser(userId, exceptSessionId) {
      return store.sessions.remove((session) => session.userId === userId && session.id !== exceptSessionId);
    },
    endAll(exceptSessionId) {
      return store.sessions.remove((session) => session.id !== exceptSessionId);
    },
  };
}
