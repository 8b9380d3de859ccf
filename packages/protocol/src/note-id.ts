/// <reference path="./platform.d.ts" />
/** Alphabet of note ids: lowercase letters and digits, safe in URLs, file names and logs. */
const NOTE_ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Length of a note id: 20 characters of 36 symbols, about 103 random bits. */
export const NOTE_ID_LENGTH = 20;

/** The one rule every note id follows, on the wire, on disk and in URLs. */
export const NOTE_ID_PATTERN = /^[0-9a-z]{20}$/;

/** Whether a value is a well-formed note id. */
export function isNoteId(value: unknown): value is string {
  return typeof value === 'string' && NOTE_ID_PATTERN.test(value);
}

/** Creates a fresh random note id from the platform's cryptographic generator. */
export function createNoteId(): string {
  // 252 is the largest multiple of 36 below 256: rejecting bytes above it keeps the draw uniform.
  const limit = 252;
  let id = '';
  while (id.length < NOTE_ID_LENGTH) {
    const bytes = crypto.getRandomValues(new Uint8Array(NOTE_ID_LENGTH * 2));
    for (const byte of bytes) {
      if (byte < limit && id.length < NOTE_ID_LENGTH) id += NOTE_ID_ALPHABET[byte % 36];
    }
  }
  return id;
}
