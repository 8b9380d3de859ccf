import type { NoteContent } from '@plume/editor-schema';
import { IMPORT_MEDIA_TYPES, type ImportKind } from '@plume/protocol';
import { RefusalError } from '../refusal-error.ts';
import { noteContentFromDocx } from './docx-import.ts';
import { noteContentFromHtml } from './html-import.ts';
import { requireImportSize } from './import-limits.ts';
import { noteContentFromMarkdown } from './markdown-import.ts';
import { noteContentFromText } from './text-import.ts';

/** The kind of file a `Content-Type` header names, or null when an import cannot read it. */
export function importKindOf(contentType: string | undefined): ImportKind | null {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  for (const [kind, type] of Object.entries(IMPORT_MEDIA_TYPES)) if (type === mediaType) return kind as ImportKind;
  // Some systems still name Markdown the way it was before RFC 7763.
  return mediaType === 'text/x-markdown' ? 'markdown' : null;
}

/** The kind of file a `Content-Type` header names; throws `importUnsupportedType` for any other type. */
export function requireImportKind(contentType: string | undefined): ImportKind {
  const kind = importKindOf(contentType);
  if (!kind)
    throw new RefusalError(
      'importUnsupportedType',
      'Seuls les fichiers Markdown, HTML, Word (.docx) et texte peuvent être importés. — Only Markdown, HTML, Word (.docx) and plain text files can be imported.',
    );
  return kind;
}

/**
 * A file's bytes as note content, read according to its kind; throws a RefusalError (size,
 * encoding, damage, document rules) with a French and English message.
 */
export async function importFile(file: Buffer, kind: ImportKind): Promise<NoteContent> {
  requireImportSize(file.length);
  if (kind === 'docx') return noteContentFromDocx(file);
  const text = decodeUtf8(file);
  if (kind === 'markdown') return noteContentFromMarkdown(text);
  if (kind === 'html') return noteContentFromHtml(text);
  return noteContentFromText(text);
}

/** The title an imported note takes when none is given: its first heading, else its first line of text. */
export function titleFromContent(content: NoteContent): string | null {
  const blocks = content.content ?? [];
  const heading = blocks.find((block) => block.type === 'heading' && textOf(block).trim() !== '');
  const source = heading ?? blocks.find((block) => textOf(block).trim() !== '');
  return source ? textOf(source).replace(/\s+/g, ' ').trim() : null;
}

function textOf(node: NoteContent): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return ' ';
  return (node.content ?? []).map(textOf).join('');
}

function decodeUtf8(file: Buffer): string {
  try {
    // A byte order mark is no part of the text.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(file);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    throw new RefusalError('importUnreadable', "Ce fichier n'est pas du texte UTF-8. — This file is not UTF-8 text.");
  }
}
