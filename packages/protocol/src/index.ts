export type { ApiErrorBody, ApiErrorCode, CreateNoteRequest, NoteSummary, Validation } from './api.ts';
export { API_ERROR, NOTE_TITLE_MAX_LENGTH, parseCreateNoteRequest } from './api.ts';
export type { CloseCodeName, MessageType } from './collab.ts';
export { CLOSE_CODE, COLLAB_PATH, isFinalCloseCode, MESSAGE_TYPE } from './collab.ts';
export { createNoteId, isNoteId, NOTE_ID_LENGTH, NOTE_ID_PATTERN } from './note-id.ts';
export type { PresenceUser } from './presence.ts';
export { DISPLAY_NAME_MAX_LENGTH, isSafeColor, normaliseDisplayName, PRESENCE_COLORS } from './presence.ts';
