import type { NoteContent } from '@plume/editor-schema';
import { describe, expect, it } from 'vitest';
import { noteContentAsPlainText } from './plain-text-export.ts';

const paragraph = (value: string): NoteContent => ({ type: 'paragraph', content: [{ type: 'text', text: value }] });

describe('noteContentAsPlainText', () => {
  it('writes blocks separated by blank lines, lists marked and indented', () => {
    const text = noteContentAsPlainText({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Titre' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'ligne un', marks: [{ type: 'bold' }] },
            { type: 'hardBreak' },
            { type: 'text', text: 'ligne deux' },
          ],
        },
        {
          type: 'bulletList',
          content: [
            {
              type: 'listItem',
              content: [
                paragraph('a'),
                { type: 'orderedList', content: [{ type: 'listItem', content: [paragraph('b')] }] },
              ],
            },
          ],
        },
        { type: 'taskList', content: [{ type: 'taskItem', attrs: { checked: true }, content: [paragraph('fait')] }] },
        { type: 'pageBreak' },
        {
          type: 'table',
          content: [
            {
              type: 'tableRow',
              content: [
                { type: 'tableHeader', content: [paragraph('c1')] },
                { type: 'tableCell', content: [paragraph('c2')] },
              ],
            },
          ],
        },
      ],
    });
    expect(text).toBe('Titre\n\nligne un\nligne deux\n\n- a\n  1. b\n\n[x] fait\n\n\f\n\nc1\tc2\n');
  });

  it('keeps markup-like text as it is', () => {
    const hostile = '</style><script>alert(1)</script>';
    expect(noteContentAsPlainText({ type: 'doc', content: [paragraph(hostile)] })).toBe(`${hostile}\n`);
  });

  it('writes nothing for an empty note', () => {
    expect(noteContentAsPlainText({ type: 'doc', content: [{ type: 'paragraph' }] })).toBe('');
  });
});
