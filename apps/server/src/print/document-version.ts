import { createHash } from 'node:crypto';
import * as Y from 'yjs';

/** Length of a printed version, in hex characters. */
export const DOCUMENT_VERSION_LENGTH = 8;

/**
 * A short id of a document's exact state: the first 8 hex characters of the SHA-256 of its state
 * vector, which changes with every edit and is the same on every copy holding the same edits.
 */
export function documentVersion(doc: Y.Doc): string {
  return createHash('sha256').update(Y.encodeStateVector(doc)).digest('hex').slice(0, DOCUMENT_VERSION_LENGTH);
}
