/** Codes of the errors the JSON API returns; each maps to one HTTP status. */
export const API_ERROR = {
  invalidBody: { status: 400, message: 'The request body is not valid.' },
  invalidQuery: { status: 400, message: 'The query string is not valid.' },
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
  themeNotFound: { status: 404, message: 'No theme has this id.' },
  themeNameTaken: { status: 409, message: 'A theme already has this name.' },
  templateNotFound: { status: 404, message: 'No template has this id.' },
  versionNotFound: { status: 404, message: 'This note has no version with this id.' },
  notInTrash: { status: 409, message: 'Only a note in the trash can be deleted for good; move it to the trash first.' },
  tooManyAttempts: { status: 429, message: 'Too many attempts; wait a moment and try again.' },
  unsupportedMediaType: { status: 415, message: 'Send the body as application/json.' },
  notFound: { status: 404, message: 'Nothing is served at this address.' },
  payloadTooLarge: { status: 413, message: 'The request body is too large.' },
  importTooLarge: { status: 413, message: 'This file is too large to import (at most 5 MB).' },
  importUnsupportedType: {
    status: 415,
    message: 'Only Markdown, HTML, Word (.docx) and plain text files can be imported.',
  },
  importUnreadable: {
    status: 422,
    message: 'This file could not be read: it is damaged or not of the type it claims.',
  },
  importTooComplex: { status: 422, message: 'This file holds more than a note may: too large or too deeply nested.' },
  storageUnavailable: { status: 503, message: 'Storage is unavailable; try again shortly.' },
  printUnavailable: { status: 503, message: 'The server cannot produce PDFs: Chromium is not installed.' },
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
