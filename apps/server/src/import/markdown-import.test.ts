import { createEditorSchema, type NoteContent } from '@plume/editor-schema';
import { describe, expect, it } from 'vitest';
import { noteAsMarkdown } from '../export/markdown-export.ts';
import { noteContentFromMarkdown } from './markdown-import.ts';

const schema = createEditorSchema();
// Content exactly as the editor would store it: every default attribute filled in.
const asEditorMakesIt = (content: NoteContent): NoteContent => schema.nodeFromJSON(content).toJSON() as NoteContent;

const text = (value: string, ...marks: NoteContent['marks'] & object): NoteContent => ({
  type: 'text',
  text: value,
  ...(marks.length > 0 && { marks }),
});
const paragraph = (...content: NoteContent[]): NoteContent => ({ type: 'paragraph', content });
const heading = (level: number, value: string): NoteContent => ({
  type: 'heading',
  attrs: { level },
  content: [text(value)],
});
const item = (type: string, ...content: NoteContent[]): NoteContent => ({ type, content });
const link = (href: string) => ({
  type: 'link',
  attrs: { href, target: '_blank', rel: 'noopener noreferrer nofollow', class: null, title: null },
});

describe('noteContentFromMarkdown', () => {
  it('reads back an exported note as the same content', () => {
    const note = asEditorMakesIt({
      type: 'doc',
      content: [
        heading(1, 'Réforme des retraites'),
        heading(2, 'Contexte'),
        heading(3, 'Chiffres clés'),
        paragraph(
          text('Un '),
          text('point', { type: 'bold' }),
          text(' '),
          text('très', { type: 'italic' }),
          text(' '),
          text('important', { type: 'bold' }, { type: 'italic' }),
          text(' selon '),
          text('le rapport', link('https://www.example.org/rapport?annee=2026&p=1')),
          text(' (p. 12) : 3 * 4 = 12 #chiffre'),
        ),
        {
          type: 'bulletList',
          content: [
            item('listItem', paragraph(text('premier')), {
              type: 'bulletList',
              content: [item('listItem', paragraph(text('sous-point')))],
            }),
            item('listItem', paragraph(text('second'))),
          ],
        },
        {
          type: 'orderedList',
          attrs: { start: 1 },
          content: [item('listItem', paragraph(text('un'))), item('listItem', paragraph(text('deux')))],
        },
        {
          type: 'taskList',
          content: [
            { type: 'taskItem', attrs: { checked: true }, content: [paragraph(text('relire'))] },
            { type: 'taskItem', attrs: { checked: false }, content: [paragraph(text('transmettre'))] },
          ],
        },
        {
          type: 'table',
          content: [
            {
              type: 'tableRow',
              content: [item('tableHeader', paragraph(text('Mesure'))), item('tableHeader', paragraph(text('Coût')))],
            },
            {
              type: 'tableRow',
              content: [
                item('tableCell', paragraph(text('Âge légal', { type: 'bold' }))),
                item('tableCell', paragraph(text('12 Md€'))),
              ],
            },
          ],
        },
        paragraph(text('<script>alert(1)</script> reste du texte')),
      ],
    });
    expect(noteContentFromMarkdown(noteAsMarkdown(note))).toEqual(note);
  });

  it('moves spaces at the edges of a formatted run outside it, as Markdown requires', () => {
    const note = asEditorMakesIt({
      type: 'doc',
      content: [paragraph(text('a'), text(' b ', { type: 'bold' }), text('c'))],
    });
    expect(noteContentFromMarkdown(noteAsMarkdown(note))).toEqual(
      asEditorMakesIt({ type: 'doc', content: [paragraph(text('a '), text('b', { type: 'bold' }), text(' c'))] }),
    );
  });

  it('keeps lists that follow one another apart', () => {
    const list = (type: string, value: string): NoteContent =>
      type === 'taskList'
        ? { type, content: [{ type: 'taskItem', attrs: { checked: false }, content: [paragraph(text(value))] }] }
        : { type, content: [item('listItem', paragraph(text(value)))] };
    const note = asEditorMakesIt({
      type: 'doc',
      content: [
        list('bulletList', 'a'),
        list('taskList', 'b'),
        list('bulletList', 'c'),
        list('orderedList', 'd'),
        list('orderedList', 'e'),
      ],
    });
    expect(noteAsMarkdown(note)).toBe('- a\n\n* [ ] b\n\n- c\n\n1. d\n\n1) e\n');
    expect(noteContentFromMarkdown(noteAsMarkdown(note))).toEqual(note);
  });

  it('reads GitHub task lists and leaves mixed lists as bullet lists', () => {
    const content = noteContentFromMarkdown('- [ ] à faire\n- [X] fait\n\n* normal\n* [ ] pas une tâche seule\n');
    expect(content.content?.map((node) => node.type)).toEqual(['taskList', 'bulletList']);
    expect(content.content?.[0]?.content?.map((node) => node.attrs?.checked)).toEqual([false, true]);
    expect(content.content?.[0]?.content?.[0]?.content?.[0]?.content?.[0]?.text).toBe('à faire');
  });

  it('keeps raw HTML as text and drops unsafe links', () => {
    const content = noteContentFromMarkdown(
      '<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[js](javascript:alert(1)) [data](data:text/html,x) [ok](https://example.org)\n\n![image](https://evil.example/pixel.png)',
    );
    const json = JSON.stringify(content);
    expect(json).not.toMatch(/"type":"(image|script)"/);
    expect(json).not.toMatch(/"href":"(javascript|data)/);
    expect(content.content?.[0]).toEqual(paragraph(text('<script>alert(1)</script>')));
    expect(content.content?.[1]).toEqual(paragraph(text('<img src=x onerror=alert(1)>')));
    const links = content.content?.[2]?.content?.flatMap((node) => node.marks ?? []) ?? [];
    expect(links).toEqual([link('https://example.org')]);
  });

  it('refuses lists nested deeper than a note may hold', () => {
    const nested = Array.from({ length: 40 }, (_, depth) => `${'  '.repeat(depth)}- niveau ${depth}`).join('\n');
    expect(() => noteContentFromMarkdown(nested)).toThrow(expect.objectContaining({ code: 'importTooComplex' }));
  });

  it('refuses more than 2 MB of Markdown', () => {
    expect(() => noteContentFromMarkdown('a'.repeat(2 * 1024 * 1024 + 1))).toThrow(
      expect.objectContaining({ code: 'importTooLarge' }),
    );
  });
});
