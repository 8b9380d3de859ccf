import type { NoteContent } from '@plume/editor-schema';
import { requireTextLength } from './import-limits.ts';
import { importedContent } from './imported-content.ts';

/**
 * A plain text file as note content: one paragraph per block of lines separated by blank lines,
 * the line breaks inside a block kept; control characters other than tab become spaces.
 */
export function noteContentFromText(text: string): NoteContent {
  requireTextLength(text);
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .replace(/\p{Cc}/gu, (character) => (character === '\n' || character === '\t' ? character : ' '))
    .split(/\n(?:[ \t]*\n)+/)
    .map((block) => block.replace(/^\n+|\n+$/g, ''))
    .filter((block) => block.trim() !== '');
  const paragraphs: NoteContent[] = blocks.map((block) => ({
    type: 'paragraph',
    content: block
      .split('\n')
      .flatMap((line, index): NoteContent[] => [
        ...(index > 0 ? [{ type: 'hardBreak' }] : []),
        ...(line ? [{ type: 'text', text: line }] : []),
      ]),
  }));
  return importedContent({ type: 'doc', content: paragraphs.length > 0 ? paragraphs : [{ type: 'paragraph' }] });
}
