import type { NoteRole } from './access.ts';

/** Longest note title accepted, in UTF-16 code units. */
export const NOTE_TITLE_MAX_LENGTH = 200;

/** A note as the JSON API lists it; times are ISO 8601 strings in UTC. */
export type NoteSummary = {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
};

/** A note as one person sees it: with the role they hold on it. */
export type NoteView = NoteSummary & { role: NoteRole };

/** Body of `POST /api/notes`. */
export type CreateNoteRequest = {
  title: string;
};

/** Codes of the errors the JSON API returns; each maps to one HTTP status. */
export const API_ERROR = {
  invalidBody: { status: 400, message: 'The request body is not valid.' },
  invalidNoteId: { status: 400, message: 'This is not a valid note id.' },
  noteNotFound: { status: 404, message: 'No note has this id, or you have no access to it.' },
  unauthenticated: { status: 401, message: 'Sign in to continue.' },
  invalidCredentials: { status: 401, message: 'The e-mail address or the password is wrong.' },
  forbidden: { status: 403, message: 'Your role on this note does not allow this.' },
  adminOnly: { status: 403, message: 'Only an administrator may do this.' },
  crossSiteRequest: { status: 403, message: 'This request came from another site and was refused.' },
  invalidToken: { status: 410, message: 'This link is invalid, was revoked or has expired.' },
  setupDone: { status: 409, message: 'Plume already has an administrator.' },
  emailTaken: { status: 409, message: 'An account already uses this e-mail address.' },
  unknownPerson: { status: 404, message: 'No active account uses this e-mail address.' },
  lastOwner: { status: 409, message: 'A note keeps at least one owner.' },
  userNotFound: { status: 404, message: 'No account has this id.' },
  tooManyAttempts: { status: 429, message: 'Too many attempts; wait a moment and try again.' },
  unsupportedMediaType: { status: 415, message: 'Send the body as application/json.' },
  notFound: { status: 404, message: 'Nothing is served at this address.' },
  payloadTooLarge: { status: 413, message: 'The request body is too large.' },
  storageUnavailable: { status: 503, message: 'Storage is unavailable; try again shortly.' },
  internalError: { status: 500, message: 'Something went wrong on the server.' },
} as const;

/** Name of one of the JSON API's error codes. */
export type ApiErrorCode = keyof typeof API_ERROR;

/** Body of every JSON API error response. */
export type ApiErrorBody = {
  error: { code: ApiErrorCode; message: string };
};

/** Result of validating a request body: the typed value, or a message saying what is wrong. */
export type Validation<T> = { ok: true; value: T } | { ok: false; message: string };

/** Validates and normalises a `POST /api/notes` body: the title is trimmed, non-empty, bounded. */
export function parseCreateNoteRequest(body: unknown): Validation<CreateNoteRequest> {
  if (typeof body !== 'object' || body === null || !('title' in body)) {
    return { ok: false, message: 'Expected a JSON object with a "title".' };
  }
  const { title } = body;
  if (typeof title !== 'string') return { ok: false, message: '"title" must be a string.' };
  // Control characters have no place in a title and can forge log lines.
  const cleaned = title.replace(/\p{Cc}/gu, ' ').trim();
  if (cleaned.length === 0) return { ok: false, message: '"title" must not be empty.' };
  if (cleaned.length > NOTE_TITLE_MAX_LENGTH) {
    return { ok: false, message: `"title" must be at most ${NOTE_TITLE_MAX_LENGTH} characters.` };
  }
  return { ok: true, value: { title: cleaned } };
}
