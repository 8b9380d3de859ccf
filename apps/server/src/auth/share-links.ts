import type { LinkRole } from '@plume/protocol';
import type { AccessStore, ShareLinkRecord } from '@plume/storage';
import { RefusalError } from '../refusal-error.ts';
import { createRecordId, createSecretToken, hashToken } from './secret-token.ts';

/** Share links: each grants one role on one note to whoever opens it, until revoked or expired. */
export type ShareLinks = {
  /** Creates a link and returns it with its secret token, which is not kept. */
  create(request: {
    noteId: string;
    role: LinkRole;
    expiresAt: string | null;
    label: string | null;
    createdBy: string;
  }): Promise<{ link: ShareLinkRecord; token: string }>;
  /** Revokes a link of `noteId`; open connections using it lose access. */
  revoke(noteId: string, linkId: string): Promise<ShareLinkRecord>;
  /** The live link a token opens; throws `invalidToken` otherwise. */
  find(token: string, isLive: (link: ShareLinkRecord) => boolean): ShareLinkRecord;
  /** The links of a note that still grant access, newest first. */
  listLive(noteId: string, isLive: (link: ShareLinkRecord) => boolean): ShareLinkRecord[];
};

/** Share links kept in the access store. */
export function createShareLinks(store: AccessStore, now: () => number = Date.now): ShareLinks {
  return {
    async create({ noteId, role, expiresAt, label, createdBy }) {
      const token = createSecretToken();
      const link: ShareLinkRecord = {
        id: createRecordId(),
        tokenHash: hashToken(token),
        noteId,
        role,
        label,
        createdAt: new Date(now()).toISOString(),
        createdBy,
        expiresAt,
        revokedAt: null,
      };
      await store.shareLinks.put(link);
      return { link, token };
    },
    async revoke(noteId, linkId) {
      const link = store.shareLinks.find((candidate) => candidate.id === linkId && candidate.noteId === noteId);
      if (!link) throw new RefusalError('notFound', 'This note has no such link.');
      if (link.revokedAt !== null) return link;
      const revoked = { ...link, revokedAt: new Date(now()).toISOString() };
      await store.shareLinks.put(revoked);
      return revoked;
    },
    find(token, isLive) {
      const tokenHash = hashToken(token);
      const link = store.shareLinks.find((candidate) => candidate.tokenHash === tokenHash);
      if (!link || !isLive(link)) throw new RefusalError('invalidToken');
      return link;
    },
    listLive(noteId, isLive) {
      return store.shareLinks
        .filter((link) => link.noteId === noteId && isLive(link))
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },
  };
}
