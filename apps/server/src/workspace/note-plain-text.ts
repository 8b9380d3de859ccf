import { DOCUMENT_FIELD } from '@plume/editor-schema';
import * as Y from 'yjs';

// Block nodes end their line; list items and paragraphs inside them are indented by nesting.
const BLOCKS = new Set(['paragraph', 'heading', 'codeBlock', 'blockquote', 'listItem', 'horizontalRule']);

/** A note's document as plain text: one paragraph per line, a blank line between blocks. */
export function noteAsPlainText(doc: Y.Doc): string {
  const lines: string[] = [];
  const walk = (node: Y.XmlElement | Y.XmlText | Y.XmlFragment, depth: number): void => {
    if (node instanceof Y.XmlText) {
      lines[lines.length - 1] += node
        .toDelta()
        .map((op: { insert?: unknown }) => (typeof op.insert === 'string' ? op.insert : ''))
        .join('');
      return;
    }
    const name = node instanceof Y.XmlElement ? node.nodeName : '';
    if (name === 'paragraph' || name === 'heading' || name === 'codeBlock') lines.push('  '.repeat(depth));
    if (name === 'horizontalRule') lines.push('———');
    if (name === 'hardBreak') lines.push('  '.repeat(depth));
    const nested = name === 'bulletList' || name === 'orderedList' || name === 'blockquote' ? depth + 1 : depth;
    for (const child of node.toArray()) walk(child as Y.XmlElement | Y.XmlText, nested);
    if (BLOCKS.has(name) && depth === 0 && name !== 'listItem') lines.push('');
  };
  walk(doc.getXmlFragment(DOCUMENT_FIELD), 0);
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
