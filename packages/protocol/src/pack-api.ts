// Before zod itself: see zod-jitless.ts.
import './zod-jitless.ts';
import { z } from 'zod';
import { NOTE_ID_PATTERN } from './note-id.ts';
import { cleanText } from './text-fields.ts';

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
 * `POST /api/packs` (the PDF) and `POST /api/packs/html` (the same pack for the browser to print):
 * the notes in the order they are printed, each once, and the cover.
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
});
/** Body of `POST /api/packs` and `POST /api/packs/html`. */
export type PackRequest = z.input<typeof packRequest>;
