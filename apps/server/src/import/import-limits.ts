import { IMPORT_MAX_BYTES } from '@plume/protocol';
import { RefusalError } from '../refusal-error.ts';

/** Longest Markdown, HTML or plain text an import reads, in UTF-16 code units (2 Mi). */
export const IMPORT_MAX_TEXT_LENGTH = 2 * 1024 * 1024;

/** Largest total uncompressed size of a Word file's parts, in bytes (50 MiB): more is a zip bomb. */
export const IMPORT_MAX_DOCX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024;

/** Deepest element nesting an HTML file may have before it is read; the note's own limit is checked after. */
export const IMPORT_MAX_HTML_DEPTH = 256;

/** Throws `importTooLarge` when a file is over the import size limit. */
export function requireImportSize(bytes: number): void {
  if (bytes > IMPORT_MAX_BYTES) throw fileTooLarge(bytes);
}

/** The refusal of a file over the import size limit, its size given when known. */
export function fileTooLarge(bytes?: number): RefusalError {
  return new RefusalError(
    'importTooLarge',
    bytes === undefined
      ? 'Ce fichier dépasse la limite de 5 Mo. — This file is over the 5 MB limit.'
      : `Ce fichier fait ${megabytes(bytes)} Mo ; la limite est de 5 Mo. — This file is ${megabytes(bytes)} MB; the limit is 5 MB.`,
  );
}

/** Throws `importTooLarge` when a text to import is over the text length limit. */
export function requireTextLength(text: string): void {
  if (text.length > IMPORT_MAX_TEXT_LENGTH)
    throw new RefusalError(
      'importTooLarge',
      'Ce texte dépasse 2 Mo de caractères. — This text is longer than 2 MB of characters.',
    );
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}
