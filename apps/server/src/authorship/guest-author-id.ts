import { createHash } from 'node:crypto';
import { GUEST_AUTHOR_PREFIX } from '@plume/protocol';

/**
 * The author id of someone editing through a share link: stable for their session, and derived
 * from its public id by a hash, since author ids are shown to every reader of the note and a
 * session id is what an admin ends sessions by.
 */
export function guestAuthorId(sessionId: string): string {
  return `${GUEST_AUTHOR_PREFIX}${createHash('sha256').update(sessionId).digest('hex').slice(0, 16)}`;
}
