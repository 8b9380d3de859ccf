import { type NoteAction, type NoteRole, roleAllows, strongerRole } from '@plume/protocol';
import type { AccessStore, MetadataStore, NoteRecord, ShareLinkRecord } from '@plume/storage';
import type { Principal } from './sessions.ts';

/** The one access check, asked by every HTTP route and by the sync endpoint. */
export type AccessCheck = {
  /**
   * The role `principal` holds on a note: admins own every note; otherwise the stronger of the
   * account's grant and any live share link the session redeemed. Null when there is none.
   */
  roleOn(principal: Principal | null, noteId: string): NoteRole | null;
  /**
   * The note and the caller's role on it when the role allows `action`. A note the caller may not
   * read is `notFound`, like one that does not exist, so that ids reveal nothing.
   */
  authorise(principal: Principal | null, noteId: string, action: NoteAction): Promise<Authorisation>;
  /** Whether a share link grants access right now: not revoked and not expired. */
  isLive(link: ShareLinkRecord): boolean;
};

/** The answer of the access check for one action on one note. */
export type Authorisation =
  | { ok: true; note: NoteRecord; role: NoteRole }
  | { ok: false; reason: 'notFound' | 'forbidden' };

/** Builds the access check over the access and metadata stores. */
export function createAccessCheck(options: {
  access: AccessStore;
  notes: MetadataStore;
  now?: () => number;
}): AccessCheck {
  const { access, notes, now = Date.now } = options;

  function isLive(link: ShareLinkRecord): boolean {
    return link.revokedAt === null && (link.expiresAt === null || Date.parse(link.expiresAt) > now());
  }

  function roleOn(principal: Principal | null, noteId: string): NoteRole | null {
    if (!principal) return null;
    const { user, session } = principal;
    if (user?.isAdmin) return 'owner';
    let role: NoteRole | null = null;
    if (user) {
      role = access.grants.find((grant) => grant.noteId === noteId && grant.userId === user.id)?.role ?? null;
    }
    for (const linkId of session.linkIds) {
      const link = access.shareLinks.find((candidate) => candidate.id === linkId);
      if (link && link.noteId === noteId && isLive(link)) role = strongerRole(role, link.role);
    }
    return role;
  }

  return {
    roleOn,
    isLive,
    async authorise(principal, noteId, action) {
      const note = await notes.getNote(noteId);
      const role = note && note.deletedAt === null ? roleOn(principal, noteId) : null;
      if (!note || role === null) return { ok: false, reason: 'notFound' };
      if (!roleAllows(role, action)) return { ok: false, reason: 'forbidden' };
      return { ok: true, note, role };
    },
  };
}
