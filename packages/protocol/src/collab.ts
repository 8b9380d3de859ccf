/** Path under which the WebSocket sync endpoint lives; a note's room is `${COLLAB_PATH}/<noteId>`. */
export const COLLAB_PATH = '/collab';

/** Top-level message types of the y-websocket protocol, as the unmodified provider sends them. */
export const MESSAGE_TYPE = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
} as const;

/** One of the y-websocket message type numbers. */
export type MessageType = (typeof MESSAGE_TYPE)[keyof typeof MESSAGE_TYPE];

/**
 * WebSocket close codes the server uses, with the reason it sends; shared so clients can tell
 * a refusal (do not retry) from a transient failure. Codes 4000-4999 are the application's range.
 */
export const CLOSE_CODE = {
  invalidNoteId: { code: 4400, reason: 'invalid note id' },
  noteNotFound: { code: 4404, reason: 'note not found' },
  malformedMessage: { code: 4002, reason: 'malformed message' },
  unknownMessageType: { code: 4003, reason: 'unknown message type' },
  storageUnavailable: { code: 4503, reason: 'storage unavailable' },
  serverShuttingDown: { code: 1001, reason: 'server shutting down' },
  internalError: { code: 1011, reason: 'internal error' },
} as const;

/** Name of one of the server's close codes. */
export type CloseCodeName = keyof typeof CLOSE_CODE;

/** Close codes after which reconnecting cannot succeed, so clients should stop trying. */
export const FINAL_CLOSE_CODES: ReadonlySet<number> = new Set([
  CLOSE_CODE.invalidNoteId.code,
  CLOSE_CODE.noteNotFound.code,
]);
