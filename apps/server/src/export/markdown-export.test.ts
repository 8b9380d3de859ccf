import type { NoteContent } from '@plume/editor-schema';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { noteAsMarkdown } from './markdown-export.ts';

const doc = (...content: NoteContent[]): NoteContent => ({ type: 'doc', content });
const paragraph = (...content: NoteContent[]): NoteContent => ({ type: 'paragraph', content });
const text = (value: string, ...marks: NoteContent['marks'] & object): NoteContent => ({
  type: 'text',
  text: value,
  ...(marks.length > 0 && { marks }),
});

// Rendered the way a permissive reader would, with HTML allowed, so that escaping is really tested.
const render = (markdown: string) => new MarkdownIt({ html: true }).render(markdown);

describe('noteAsMarkdown', () => {
  it('writes headings, formatted text, links and lists', () => {
    const markdown = noteAsMarkdown(
      doc(
        { type: 'heading', attrs: { level: 2 }, content: [text('Contexte')] },
        paragraph(
          text('Un '),
          text('point', { type: 'bold' }),
          text(' très ', { type: 'italic' }),
          text('important', { type: 'italic' }, { type: 'bold' }),
          text(' : '),
          text('la source', { type: 'link', attrs: { href: 'https://example.org/a_(b)' } }),
        ),
        {
          type: 'bulletList',
          content: [{ type: 'listItem', content: [paragraph(text('un'))] }],
        },
        {
          type: 'orderedList',
          attrs: { start: 3 },
          content: [{ type: 'listItem', content: [paragraph(text('trois'))] }],
        },
        {
          type: 'taskList',
          content: [
            { type: 'taskItem', attrs: { checked: true }, content: [paragraph(text('fait'))] },
            { type: 'taskItem', attrs: { checked: false }, content: [paragraph(text('à faire'))] },
          ],
        },
      ),
    );
    expect(markdown).toBe(
      [
        '## Contexte',
        '',
        'Un **point** *très* ***important*** : [la source](https://example.org/a_\\(b\\))',
        '',
        '- un',
        '',
        '3. trois',
        '',
        '- [x] fait',
        '- [ ] à faire',
        '',
      ].join('\n'),
    );
  });

  it('writes a table with its header row', () => {
    const cell = (type: string, value: string): NoteContent => ({ type, content: [paragraph(text(value))] });
    const markdown = noteAsMarkdown(
      doc({
        type: 'table',
        content: [
          { type: 'tableRow', content: [cell('tableHeader', 'Nom'), cell('tableHeader', 'Rôle')] },
          { type: 'tableRow', content: [cell('tableCell', 'A|B'), cell('tableCell', 'x')] },
        ],
      }),
    );
    expect(markdown).toBe('| Nom | Rôle |\n| --- | --- |\n| A\\|B | x |\n');
    expect(render(markdown)).toContain('<td>A|B</td>');
  });

  it('escapes text so that no text becomes markup', () => {
    const hostile = [
      '<script>alert(1)</script>',
      '</style><img src=x onerror=alert(1)>',
      '[click](javascript:alert(1))',
      '**not bold** _not italic_ `not code` ~~not struck~~',
      '# not a heading',
      '- not a list',
      '1. not a list',
      '> not a quote',
      '&lt;entity&gt; &amp;',
      '| not | a | table |',
      '    not code',
      '---',
      '![image](https://example.org/x.png)',
    ];
    const markdown = noteAsMarkdown(doc(...hostile.map((line) => paragraph(text(line)))));
    const html = render(markdown);
    const paragraphs = html.trim().split('\n');
    expect(paragraphs).toHaveLength(hostile.length);
    for (const line of paragraphs) expect(line).toMatch(/^<p>[^<]*<\/p>$/);
    const decoded = paragraphs.map((line) =>
      line
        .slice(3, -4)
        .replaceAll('&lt;', '<')
        .replaceAll('&gt;', '>')
        .replaceAll('&quot;', '"')
        .replaceAll('&amp;', '&'),
    );
    expect(decoded).toEqual(hostile);
  });

  it('keeps only the text of links to unsafe targets', () => {
    const markdown = noteAsMarkdown(
      doc(
        paragraph(text('piège', { type: 'link', attrs: { href: 'javascript:alert(1)' } })),
        paragraph(text('donnée', { type: 'link', attrs: { href: 'data:text/html,<script>alert(1)</script>' } })),
      ),
    );
    expect(markdown).toBe('piège\n\ndonnée\n');
  });

  it('fences code with more backticks than the code holds', () => {
    const markdown = noteAsMarkdown(
      doc(
        { type: 'codeBlock', attrs: { language: 'ts' }, content: [text('a ``` b')] },
        paragraph(text('x`y', { type: 'code' })),
      ),
    );
    expect(markdown).toBe('````ts\na ``` b\n````\n\n``x`y``\n');
  });

  it('writes nested lists and quotes with their indentation', () => {
    const markdown = noteAsMarkdown(
      doc(
        {
          type: 'bulletList',
          content: [
            {
              type: 'listItem',
              content: [
                paragraph(text('parent')),
                { type: 'orderedList', content: [{ type: 'listItem', content: [paragraph(text('enfant'))] }] },
              ],
            },
          ],
        },
        { type: 'blockquote', content: [paragraph(text('cité')), paragraph(text('encore'))] },
      ),
    );
    expect(markdown).toBe('- parent\n\n  1. enfant\n\n> cité\n>\n> encore\n');
  });
});
