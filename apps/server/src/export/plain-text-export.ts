import type { NoteContent } from '@plume/editor-schema';

/**
 * A note's content as plain text: one block per paragraph with a blank line between blocks, list
 * items marked "-", "1." or "[ ]"/"[x]" and indented by nesting, table cells separated by tabs,
 * page breaks as a form feed. Nothing in it is markup.
 */
export function noteContentAsPlainText(content: NoteContent): string {
  const text = blocksOf(content.content ?? []).join('\n\n');
  return text ? `${text}\n` : '';
}

function blocksOf(nodes: readonly NoteContent[]): string[] {
  return nodes.map(blockOf).filter((block) => block !== '');
}

function blockOf(node: NoteContent): string {
  const children = node.content ?? [];
  switch (node.type) {
    case 'paragraph':
    case 'heading':
      return inlineOf(children);
    case 'codeBlock':
      return children.map((child) => child.text ?? '').join('');
    case 'blockquote':
      return indent(blocksOf(children).join('\n\n'), '    ', '    ');
    case 'bulletList':
      return listOf(children, () => '- ');
    case 'orderedList': {
      const start = Number(node.attrs?.start ?? 1);
      return listOf(children, (index) => `${start + index}. `);
    }
    case 'taskList':
      return listOf(children, (_index, item) => (item.attrs?.checked === true ? '[x] ' : '[ ] '));
    case 'horizontalRule':
      return '———';
    case 'pageBreak':
      return '\f';
    case 'table':
      return children
        .map((row) => (row.content ?? []).map((cell) => blocksOf(cell.content ?? []).join(' ')).join('\t'))
        .join('\n');
    default:
      return blocksOf(children).join('\n\n');
  }
}

function listOf(items: readonly NoteContent[], marker: (index: number, item: NoteContent) => string): string {
  return items
    .map((item, index) => {
      const bullet = marker(index, item);
      return indent(blocksOf(item.content ?? []).join('\n'), bullet, ' '.repeat(bullet.length));
    })
    .join('\n');
}

function indent(text: string, first: string, rest: string): string {
  return text
    .split('\n')
    .map((line, index) => (index === 0 ? first + line : line === '' ? '' : rest + line))
    .join('\n');
}

function inlineOf(nodes: readonly NoteContent[]): string {
  return nodes.map((node) => (node.type === 'hardBreak' ? '\n' : (node.text ?? ''))).join('');
}
