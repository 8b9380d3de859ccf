// Before zod itself: see zod-jitless.ts.
import './zod-jitless.ts';
import { z } from 'zod';
import { PAPER_SIZES } from './pack-api.ts';
import { versionQueryParameter } from './versions-api.ts';

/** Languages a printed page can be worded in; French is the default. */
export const PRINT_LANGUAGES = ['fr', 'en'] as const;

/**
 * Query of `GET /api/notes/:noteId/print`: paper size, large-type edition (`1`), the language of
 * the printed words, and which version of the note (the current state without one).
 */
export const printNoteQuery = z.strictObject({
  paper: z.enum(PAPER_SIZES, { message: `"paper" is one of ${PAPER_SIZES.join(', ')}.` }).default('A4'),
  largeType: z
    .enum(['0', '1'], { message: '"largeType" is 0 or 1.' })
    .default('0')
    .transform((value) => value === '1'),
  lang: z.enum(PRINT_LANGUAGES, { message: `"lang" is one of ${PRINT_LANGUAGES.join(', ')}.` }).default('fr'),
  version: versionQueryParameter.optional(),
});
/** Parsed query of `GET /api/notes/:noteId/print`. */
export type PrintNoteQuery = z.output<typeof printNoteQuery>;

/** The address of a note's print HTML, e.g. `/api/notes/abc/print?lang=en`, of one version when `query.version` is given. */
export function printNotePath(
  noteId: string,
  query: { lang?: (typeof PRINT_LANGUAGES)[number]; version?: string } = {},
): string {
  const search = [
    query.lang && query.lang !== 'fr' ? `lang=${query.lang}` : '',
    query.version === undefined ? '' : `version=${encodeURIComponent(query.version)}`,
  ].filter(Boolean);
  return `/api/notes/${encodeURIComponent(noteId)}/print${search.length > 0 ? `?${search.join('&')}` : ''}`;
}
