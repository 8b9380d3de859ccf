// Before zod itself: see zod-jitless.ts.
import './zod-jitless.ts';
import { z } from 'zod';

/** How a version came to be: an editing burst ended, someone named it, the note was validated, or a restore made it. */
export const VERSION_KINDS = ['auto', 'named', 'validated', 'restored'] as const;

/** One of the kinds of version. */
export type VersionKind = (typeof VERSION_KINDS)[number];

/** Longest name of a version, in characters, after trimming. */
export const VERSION_NAME_MAX_LENGTH = 120;

/** Shape of a version id: lower-case letters and digits, sortable by creation time. */
export const VERSION_ID_PATTERN = /^[0-9a-z]{16,32}$/;

/** Whether a value is a well-formed version id. */
export function isVersionId(value: unknown): value is string {
  return typeof value === 'string' && VERSION_ID_PATTERN.test(value);
}

/**
 * A version id in a query string (`?version=` of print and export): a malformed one is refused as
 * an invalid query; without it, the note is read as it is now.
 */
export const versionQueryParameter = z
  .string({ error: '"version" is a version id.' })
  .refine(isVersionId, { message: '"version" is not a valid version id.' });

/** A frozen state of a note, without its content: what version lists show. */
export type VersionSummary = {
  id: string;
  noteId: string;
  /** When it was frozen, ISO 8601. */
  createdAt: string;
  /** The machine-readable reason it exists; `name` is for people and may change wording. */
  kind: VersionKind;
  /** A name for people ("Validée le 2 décembre 2026"); null for automatic versions. */
  name: string | null;
  /** Account ids of those who edited since the previous version. */
  authors: string[];
  wordCount: number;
  /** Bytes the version takes in storage. */
  bytes: number;
};

/** One version with its content as ProseMirror JSON (a `doc` node), to be shown read-only. */
export type VersionDetail = VersionSummary & { content: unknown };

/**
 * `POST /api/notes/:noteId/versions`: freeze the note as it is now under a name. Control and format
 * characters are refused (they can forge log lines and hide text); the name is trimmed.
 */
export const createVersionRequest = z.strictObject({
  name: z
    .string({ error: (issue) => (issue.input === undefined ? 'This is required.' : 'This must be text.') })
    .refine((value) => !/[\p{Cc}\p{Cf}]/u.test(value), { message: 'A name must not hold control characters.' })
    .transform((value) => value.trim())
    .pipe(
      z
        .string()
        .min(1, { message: 'This must not be empty.' })
        .max(VERSION_NAME_MAX_LENGTH, { message: `This must be at most ${VERSION_NAME_MAX_LENGTH} characters.` }),
    )
    .meta({ minLength: 1, maxLength: VERSION_NAME_MAX_LENGTH }),
});

/** Parsed body of `POST /api/notes/:noteId/versions`. */
export type CreateVersionRequest = z.output<typeof createVersionRequest>;
