// Before zod itself: see zod-jitless.ts.
import './zod-jitless.ts';
import { z } from 'zod';
import { PRINT_LANGUAGES } from './print-api.ts';
import { cleanText } from './text-fields.ts';
import { versionQueryParameter } from './versions-api.ts';
import { NOTE_TITLE_MAX_LENGTH } from './workspace-api.ts';

/** Formats `GET /api/notes/:noteId/export` writes a note in. */
export const EXPORT_FORMATS = ['pdf', 'docx', 'md', 'html', 'txt'] as const;
/** One of the export formats, named by its file extension. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * `GET /api/notes/:noteId/export?format=…&lang=…&version=…`: which file to download, its running
 * words in French (default) or English, and which version of the note (the current state without one).
 */
export const exportQuery = z.strictObject({
  format: z.enum(EXPORT_FORMATS, { message: `"format" is one of ${EXPORT_FORMATS.join(', ')}.` }),
  lang: z.enum(PRINT_LANGUAGES, { message: `"lang" is one of ${PRINT_LANGUAGES.join(', ')}.` }).default('fr'),
  version: versionQueryParameter.optional(),
});

/** The address a note's export downloads from, e.g. `/api/notes/abc/export?format=docx`, of one version when `versionId` is given. */
export function exportNotePath(
  noteId: string,
  format: ExportFormat,
  lang: (typeof PRINT_LANGUAGES)[number] = 'fr',
  versionId?: string,
): string {
  const language = lang === 'fr' ? '' : `&lang=${lang}`;
  const version = versionId === undefined ? '' : `&version=${encodeURIComponent(versionId)}`;
  return `/api/notes/${encodeURIComponent(noteId)}/export?format=${format}${language}${version}`;
}

/** Media types `POST /api/notes/import` reads, each the `Content-Type` of the raw file sent as the body. */
export const IMPORT_MEDIA_TYPES = {
  markdown: 'text/markdown',
  html: 'text/html',
  text: 'text/plain',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;
/** Kind of file an import reads. */
export type ImportKind = keyof typeof IMPORT_MEDIA_TYPES;

/** Largest file an import accepts, in bytes (5 MiB). */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

/** `POST /api/notes/import?title=…`: the new note's title; without it, the file's first heading names it. */
export const importQuery = z.strictObject({ title: cleanText(NOTE_TITLE_MAX_LENGTH).optional() });
