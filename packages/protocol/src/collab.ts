/** Path under which the WebSocket sync endpoint lives; a note's room is `${COLLAB_PATH}/<noteId>`. */
export const COLLAB_PATH = '/collab';

/**
 * Top-level message types: those of the y-websocket protocol, as the unmodified provider sends
 * them, and `stored`, Plume's one addition, which only Plume's own page sends.
 *
 * `stored`: the client sends the bare type; once everything the server had applied when it read
 * the question is in its store, it answers with the type followed by that state vector
 * (`writeVarUint8Array`). A client whose own clock is covered knows the server has kept its edits,
 * not merely received them. Clients that never ask are never sent one.
 */
export const MESSAGE_TYPE = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  stored: 5,
} as const;

/** One of the y-websocket message type numbers. */
export type MessageType = (typeof MESSAGE_TYPE)[keyof typeof MESSAGE_TYPE];

/**
 * WebSocket close codes the server uses, with the reason it sends. Codes 4400-4499 are refusals
 * that a retry cannot change: y-websocket 3 stops reconnecting on them by itself; the others are
 * transient and the client reconnects.
 */
export const CLOSE_CODE = {
  invalidNoteId: { code: 4400, reason: 'invalid note id' },
  noteNotFound: { code: 4404, reason: 'note not found' },
  unauthenticated: { code: 4401, reason: 'sign in required' },
  accessRevoked: { code: 4403, reason: 'access revoked' },
  unknownMessageType: { code: 4421, reason: 'unknown message type' },
  malformedMessage: { code: 4422, reason: 'malformed message' },
  tooManyClientIds: { code: 4423, reason: 'update names too many client ids' },
  clockGap: { code: 4425, reason: 'update depends on changes the server does not have' },
  invalidDocument: { code: 4426, reason: 'update breaks the note schema' },
  invalidAwareness: { code: 4427, reason: 'invalid presence update' },
  tooManyMessages: { code: 4429, reason: 'too many messages' },
  storageUnavailable: { code: 4503, reason: 'storage unavailable' },
  // Retryable: the client reconnects and meets its new role.
  accessChanged: { code: 4100, reason: 'access changed' },
  // Retryable: the client id's owner may be gone by the next attempt.
  clientIdInUse: { code: 4509, reason: 'client id belongs to another connection' },
  messageTooLarge: { code: 1009, reason: 'message too large' },
  serverShuttingDown: { code: 1001, reason: 'server shutting down' },
  internalError: { code: 1011, reason: 'internal error' },
} as const;

/** Name of one of the server's close codes. */
export type CloseCodeName = keyof typeof CLOSE_CODE;

/** Whether a close code is a refusal after which reconnecting cannot succeed. */
export function isFinalCloseCode(code: number): boolean {
  return code >= 4400 && code < 4500;
}
