import type { NoteContent } from '@plume/editor-schema';
import mammoth from 'mammoth';
import { RefusalError } from '../refusal-error.ts';
import { zipUncompressedSize } from './docx-size.ts';
import { noteContentFromHtml } from './html-import.ts';
import { IMPORT_MAX_DOCX_UNCOMPRESSED_BYTES, requireImportSize } from './import-limits.ts';

// Underline and strikethrough are left out of mammoth's default style map, and a Title is a heading.
const STYLE_MAP = ['u => u', 'strike => s', "p[style-name='Title'] => h1:fresh"];

/**
 * A Word (.docx) file as note content: mammoth turns it into HTML, images dropped, and the HTML
 * import reduces it to the schema; throws a RefusalError for files over 5 MB, archives that unpack
 * to more than 50 MB, and anything mammoth cannot read.
 */
export async function noteContentFromDocx(file: Buffer): Promise<NoteContent> {
  requireImportSize(file.length);
  if (zipUncompressedSize(file) > IMPORT_MAX_DOCX_UNCOMPRESSED_BYTES)
    throw new RefusalError(
      'importTooLarge',
      'Ce document Word dépasse 50 Mo une fois décompressé. — This Word document is larger than 50 MB uncompressed.',
    );
  let html: string;
  try {
    ({ value: html } = await mammoth.convertToHtml(
      { buffer: file },
      { styleMap: STYLE_MAP, convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    ));
  } catch (error) {
    // Mammoth throws plain Errors for every kind of damage; they all mean the same to the person.
    if (!(error instanceof Error)) throw error;
    throw new RefusalError(
      'importUnreadable',
      'Ce document Word est illisible ou endommagé. — This Word document is damaged or cannot be read.',
    );
  }
  return noteContentFromHtml(html);
}
