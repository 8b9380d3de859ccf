// Before zod itself: see zod-jitless.ts.
import './zod-jitless.ts';
import { z } from 'zod';
import { NOTE_ID_PATTERN } from './note-id.ts';
import { cleanText } from './text-fields.ts';
import type { VersionSummary } from './versions-api.ts';

/** Most notes one briefing pack may hold. */
export const PACK_MAX_NOTES = 50;
/** Longest cover title and recipient, in characters. */
export const PACK_COVER_TEXT_MAX_LENGTH = 200;
/** Paper sizes a pack or a printed note can use; A4 is the default. */
export const PAPER_SIZES = ['A4', 'Letter'] as const;

const recipient = z
  .string({ error: 'This must be text.' })
  .transform((value) => value.replace(/[\p{Cc}\p{Cf}]/gu, ' ').trim())
  .pipe(
    z
      .string()
      .max(PACK_COVER_TEXT_MAX_LENGTH, { message: `This must be at most ${PACK_COVER_TEXT_MAX_LENGTH} characters.` }),
  );

const calendarDate = z
  .string({ error: 'This must be a date.' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'A date is written YYYY-MM-DD.' })
  .refine((value) => new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value, {
    message: 'This date does not exist.',
  });

/**
 * What a pack prints of each note: its newest validated version when it has one, else its current
 * state (`validated`, the default), or the current state of every note (`current`).
 */
export const PACK_SOURCES = ['validated', 'current'] as const;
/** One of the pack sources. */
export type PackSource = (typeof PACK_SOURCES)[number];

/**
 * `POST /api/packs` (the PDF) and `POST /api/packs/html` (the same pack for the browser to print):
 * the notes in the order they are printed, each once, the cover, which state of each note is
 * printed, and whether a page "changed since the last pack" follows the table of contents.
 */
export const packRequest = z.strictObject({
  noteIds: z
    .array(z.string().regex(NOTE_ID_PATTERN, { message: 'This is not a valid note id.' }))
    .min(1, { message: 'Choose at least one note.' })
    .max(PACK_MAX_NOTES, { message: `A pack holds at most ${PACK_MAX_NOTES} notes.` })
    .refine((ids) => new Set(ids).size === ids.length, { message: 'A note appears only once in a pack.' }),
  cover: z.strictObject({
    title: cleanText(PACK_COVER_TEXT_MAX_LENGTH),
    date: calendarDate,
    recipient,
  }),
  paper: z.enum(PAPER_SIZES, { message: `"paper" is one of ${PAPER_SIZES.join(', ')}.` }),
  doubleSided: z.boolean(),
  largeType: z.boolean(),
  source: z.enum(PACK_SOURCES, { message: `"source" is one of ${PACK_SOURCES.join(', ')}.` }).default('validated'),
  sinceLastPack: z.boolean().default(false),
});
/** Body of `POST /api/packs` and `POST /api/packs/html`. */
export type PackRequest = z.input<typeof packRequest>;

/** A pack that printed a note, and the version of the note it printed. */
export type PackedNote = {
  packId: string;
  /** The cover's title. */
  title: string;
  /** The cover's date, YYYY-MM-DD. */
  date: string;
  /** When the pack was produced, ISO 8601. */
  printedAt: string;
  /** The version of the note the pack printed. */
  versionId: string;
};

/** Which state of a note a pack would print, and the last pack that printed it. */
export type PackNoteSource = {
  noteId: string;
  /** The note's newest validated version, or null when it was never validated. */
  validated: VersionSummary | null;
  /** The most recent pack that held the note, or null when none did. */
  lastPack: PackedNote | null;
};

/** `GET /api/packs/sources?noteIds=a,b,c`: the notes to describe, comma-separated, at most a pack's worth. */
export const packSourcesQuery = z.strictObject({
  noteIds: z
    .string({ error: '"noteIds" lists note ids, comma-separated.' })
    .transform((value) => (value === '' ? [] : value.split(',')))
    .pipe(
      z
        .array(z.string().regex(NOTE_ID_PATTERN, { message: 'This is not a valid note id.' }))
        .max(PACK_MAX_NOTES, { message: `A pack holds at most ${PACK_MAX_NOTES} notes.` }),
    ),
});

/** Body of the answer of `GET /api/packs/sources`: one entry per note asked about, in the same order. */
export type PackSourcesResponse = { notes: PackNoteSource[] };
