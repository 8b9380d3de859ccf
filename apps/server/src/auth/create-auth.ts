import type { AuditEntry } from '@plume/protocol';
import type { AccessStore, AuditLog, AuditQuery, MetadataStore } from '@plume/storage';
import type { Logger } from 'pino';
import { type AccessCheck, createAccessCheck } from './access-check.ts';
import { type Accounts, createAccounts } from './accounts.ts';
import { type AttemptLimiter, createAttemptLimiter } from './attempt-limiter.ts';
import { type AuditRecorder, createAuditRecorder } from './audit-recorder.ts';
import { createLiveAccess, type LiveAccess } from './live-access.ts';
import { createSessions, type Sessions } from './sessions.ts';
import { createShareLinks, type ShareLinks } from './share-links.ts';

/** Everything about who may do what, built once per server. */
export type Auth = {
  readonly store: AccessStore;
  readonly accounts: Accounts;
  readonly sessions: Sessions;
  readonly links: ShareLinks;
  readonly check: AccessCheck;
  readonly live: LiveAccess;
  readonly audit: AuditRecorder;
  /** Failed sign-ins per address and e-mail: 5 per 15 minutes. */
  readonly signInPerAccount: AttemptLimiter;
  /** Failed sign-ins per address, whatever the e-mail: 30 per 15 minutes. */
  readonly signInPerAddress: AttemptLimiter;
  /** Failed token redemptions (links, invitations, setup), per account or address: 20 per 15 minutes. */
  readonly tokenRedemptions: AttemptLimiter;
  /** Failed password changes per account: 5 per 15 minutes. */
  readonly passwordChanges: AttemptLimiter;
  /** The newest audit entries, once pending ones are written. */
  readAudit(query: AuditQuery): Promise<AuditEntry[]>;
  close(): Promise<void>;
};

const WINDOW_MS = 15 * 60 * 1000;

/** Builds the accounts, sessions, links, access check and audit over their stores. */
export function createAuth(options: {
  store: AccessStore;
  notes: MetadataStore;
  auditLog: AuditLog;
  logger: Logger;
}): Auth {
  const { store, notes, auditLog, logger } = options;
  const sessions = createSessions(store);
  const check = createAccessCheck({ access: store, notes });
  const live = createLiveAccess({ store, sessions, check });
  const audit = createAuditRecorder(auditLog, logger);
  return {
    store,
    accounts: createAccounts(store),
    sessions,
    links: createShareLinks(store),
    check,
    live,
    audit,
    signInPerAccount: createAttemptLimiter({ maxFailures: 5, windowMs: WINDOW_MS }),
    signInPerAddress: createAttemptLimiter({ maxFailures: 30, windowMs: WINDOW_MS }),
    tokenRedemptions: createAttemptLimiter({ maxFailures: 20, windowMs: WINDOW_MS }),
    passwordChanges: createAttemptLimiter({ maxFailures: 5, windowMs: WINDOW_MS }),
    async readAudit(query) {
      await audit.flush();
      return auditLog.read(query);
    },
    async close() {
      live.close();
      await audit.flush();
    },
  };
}
