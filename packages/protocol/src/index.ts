export type { LinkRole, NoteAction, NoteRole } from './access.ts';
export { isNoteRole, LINK_ROLES, NOTE_ROLES, roleAllows, strongerRole } from './access.ts';
export type { ApiErrorBody, ApiErrorCode, CreateNoteRequest, NoteSummary, NoteView, Validation } from './api.ts';
export { API_ERROR, NOTE_TITLE_MAX_LENGTH, parseCreateNoteRequest } from './api.ts';
export type {
  AccountSummary,
  AuditAction,
  AuditEntry,
  CreatedShareLink,
  InvitationLink,
  NoteMember,
  NoteSharing,
  SessionInfo,
  SessionSummary,
  ShareLinkSummary,
  UserSummary,
} from './auth-api.ts';
export {
  ACCOUNT_NAME_MAX_LENGTH,
  AUDIT_ACTIONS,
  acceptInvitationRequest,
  changePasswordRequest,
  createShareLinkRequest,
  createUserRequest,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  parseBody,
  redeemShareLinkRequest,
  SESSION_COOKIE_NAME,
  setMemberRequest,
  setupRequest,
  signInRequest,
  TOKEN_PAGE,
  updateUserRequest,
} from './auth-api.ts';
export type { CloseCodeName, MessageType } from './collab.ts';
export { CLOSE_CODE, COLLAB_PATH, isFinalCloseCode, MESSAGE_TYPE } from './collab.ts';
export { createNoteId, isNoteId, NOTE_ID_LENGTH, NOTE_ID_PATTERN } from './note-id.ts';
export type { PresenceUser } from './presence.ts';
export { DISPLAY_NAME_MAX_LENGTH, isSafeColor, normaliseDisplayName, PRESENCE_COLORS } from './presence.ts';
