export type { LinkRole, NoteAction, NoteRole } from './access.ts';
export { isNoteRole, LINK_ROLES, NOTE_ROLES, roleAllows, strongerRole } from './access.ts';
export type { ApiErrorBody, ApiErrorCode, Validation } from './api.ts';
export { API_ERROR } from './api.ts';
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
export type { ChangeTally, NoteAuthor, NoteAuthorsResponse, VersionComparison } from './authorship-api.ts';
export { CHANGE_MARKS, CURRENT_STATE, GUEST_AUTHOR_PREFIX } from './authorship-api.ts';
export type { CloseCodeName, MessageType } from './collab.ts';
export { CLOSE_CODE, COLLAB_PATH, isFinalCloseCode, MESSAGE_TYPE } from './collab.ts';
export type { ExportFormat, ImportKind } from './export-import.ts';
export {
  EXPORT_FORMATS,
  exportNotePath,
  exportQuery,
  IMPORT_MAX_BYTES,
  IMPORT_MEDIA_TYPES,
  importQuery,
} from './export-import.ts';
export { createNoteId, isNoteId, NOTE_ID_LENGTH, NOTE_ID_PATTERN } from './note-id.ts';
export type {
  PackedNote,
  PackNoteSource,
  PackRequest,
  PackSource,
  PackSourcesResponse,
} from './pack-api.ts';
export {
  PACK_COVER_TEXT_MAX_LENGTH,
  PACK_MAX_NOTES,
  PACK_SOURCES,
  PAPER_SIZES,
  packRequest,
  packSourcesQuery,
} from './pack-api.ts';
export type { PresenceUser } from './presence.ts';
export { DISPLAY_NAME_MAX_LENGTH, isSafeColor, normaliseDisplayName, PRESENCE_COLORS } from './presence.ts';
export type { PrintNoteQuery } from './print-api.ts';
export { PRINT_LANGUAGES, printNotePath, printNoteQuery } from './print-api.ts';
export { cleanText } from './text-fields.ts';
export type { CreateVersionRequest, VersionDetail, VersionKind, VersionSummary } from './versions-api.ts';
export {
  createVersionRequest,
  isVersionId,
  VERSION_ID_PATTERN,
  VERSION_KINDS,
  VERSION_NAME_MAX_LENGTH,
} from './versions-api.ts';
export type {
  CreateNoteRequest,
  ListNotesQuery,
  NoteDetail,
  NoteSort,
  NoteStatus,
  NoteSummary,
  NoteView,
  PersonRef,
  PresentPerson,
  SearchHit,
  SearchResults,
  SnippetPart,
  StatusChange,
  TemplateSummary,
  Theme,
  TrashedNote,
  WorkspaceEvent,
} from './workspace-api.ts';
export {
  createNoteRequest,
  createTemplateRequest,
  createThemeRequest,
  duplicateNoteRequest,
  isNoteStatus,
  listNotesQuery,
  NOTE_SORTS,
  NOTE_STATUSES,
  NOTE_TITLE_MAX_LENGTH,
  READING_WORDS_PER_MINUTE,
  readingMinutes,
  SEARCH_QUERY_MAX_LENGTH,
  searchQuery,
  setStatusRequest,
  TEMPLATE_DESCRIPTION_MAX_LENGTH,
  TEMPLATE_NAME_MAX_LENGTH,
  THEME_COLORS,
  THEME_NAME_MAX_LENGTH,
  updateNoteRequest,
  updateTemplateRequest,
  updateThemeRequest,
} from './workspace-api.ts';
