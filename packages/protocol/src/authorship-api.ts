import type { VersionSummary } from './versions-api.ts';

/**
 * Who wrote what. The server records, per note, which person each Yjs client id writes for and
 * who deleted what; these shapes carry that knowledge to the browser.
 */

/** Prefix of the author id given to someone editing through a share link, who has no account. */
export const GUEST_AUTHOR_PREFIX = 'guest:';

/** One person who wrote in a note, and the Yjs client ids their edits were made under. */
export type NoteAuthor = {
  /** An account id, or `guest:<hash of their session>` for someone who came through a share link. */
  id: string;
  /** The account's name now; guests are all called by one name the browser translates, so null. */
  name: string | null;
  clientIds: number[];
};

/** `GET /api/notes/:noteId/authors`: everyone who wrote in the note since authorship is recorded. */
export type NoteAuthorsResponse = { authors: NoteAuthor[] };

/** Name of the two marks a comparison adds to a note's content. */
export const CHANGE_MARKS = { inserted: 'inserted', deleted: 'deleted' } as const;

/**
 * How much one person changed between two versions, in characters; `author` is null for text
 * written or deleted before authorship was recorded.
 */
export type ChangeTally = { author: string | null; inserted: number; deleted: number };

/**
 * `GET /api/notes/:noteId/versions/compare?from=<version id>&to=<version id | current>`: the newer
 * state's content as ProseMirror JSON in which inserted text carries an `inserted` mark and deleted
 * text, kept in place, a `deleted` mark, each with `attrs.author` (an author id or null). `from`
 * and `to` may come in either order; the answer always goes from the older to the newer.
 */
export type VersionComparison = {
  from: VersionSummary;
  /** Null when the newer side is the note as it is now. */
  to: VersionSummary | null;
  content: unknown;
  /** Everyone named in the marks, with their names. */
  authors: NoteAuthor[];
  /** One entry per person who changed something, most changes first. */
  tallies: ChangeTally[];
};

/** The `to` value that stands for the note as it is now. */
export const CURRENT_STATE = 'current';
