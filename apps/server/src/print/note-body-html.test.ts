import type { NoteContent } from '@plume/editor-schema';
import { describe, expect, it } from 'vitest';
import { noteBodyHtml } from './note-body-html.ts';

const text = (value: string, marks: NoteContent['marks'] = []): NoteContent => ({ type: 'text', text: value, marks });
const paragraph = (...content: NoteContent[]): NoteContent => ({ type: 'paragraph', content });
const html = (...content: NoteContent[]) => noteBodyHtml({ type: 'doc', content }, { headingShift: 1 });
const link = (href: string) => ({ type: 'link', attrs: { href } });

describe('noteBodyHtml', () => {
  it('renders paragraphs with their text escaped', () => {
    expect(html(paragraph(text('<img src=x onerror=alert(1)> & co')))).toBe(
      '<p>&lt;img src=x onerror=alert(1)&gt; &amp; co</p>',
    );
  });

  it('shifts headings by the given number of levels', () => {
    const headings = [1, 2, 3].map((level) => ({ type: 'heading', attrs: { level }, content: [text(`T${level}`)] }));
    expect(html(...headings)).toBe('<h2>T1</h2><h3>T2</h3><h4>T3</h4>');
    expect(noteBodyHtml({ type: 'doc', content: headings }, { headingShift: 0 })).toBe(
      '<h1>T1</h1><h2>T2</h2><h3>T3</h3>',
    );
  });

  it('renders a comparison’s marks as <ins> and <del>, naming each run’s author once when asked', () => {
    const inserted = (author: string | null) => ({ type: 'inserted', attrs: { author } });
    const deleted = (author: string | null) => ({ type: 'deleted', attrs: { author } });
    const content = paragraph(
      text('Avant '),
      text('ajouté', [inserted('a1')]),
      text(' en gras', [inserted('a1'), { type: 'bold' }]),
      text('ôté', [deleted('a1')]),
      text('<script>', [inserted(null)]),
    );
    expect(html(content)).toBe(
      '<p>Avant <ins>ajouté</ins><ins><strong> en gras</strong></ins><del>ôté</del><ins>&lt;script&gt;</ins></p>',
    );
    const names: Record<string, string> = { a1: '<b>Anne</b>' };
    const named = noteBodyHtml(
      { type: 'doc', content: [content] },
      { headingShift: 1, changeAuthor: (author) => (author === null ? '?' : (names[author] ?? '?')) },
    );
    expect(named).toBe(
      '<p>Avant <ins>ajouté</ins><ins><strong> en gras</strong></ins><span class="change-author">&lt;b&gt;Anne&lt;/b&gt;</span>' +
        '<del>ôté</del><span class="change-author">&lt;b&gt;Anne&lt;/b&gt;</span>' +
        '<ins>&lt;script&gt;</ins><span class="change-author">?</span></p>',
    );
  });

  it('renders every mark, nested in one fixed order', () => {
    const marks = ['highlight', 'strike', 'underline', 'italic', 'bold', 'code'].map((type) => ({ type }));
    expect(html(paragraph(text('tout', marks)))).toBe(
      '<p><strong><em><u><s><mark><code>tout</code></mark></s></u></em></strong></p>',
    );
  });

  it('renders bullet, ordered and task lists, task boxes drawn as text', () => {
    const item = (value: string) => ({ type: 'listItem', content: [paragraph(text(value))] });
    const task = (value: string, checked: boolean) => ({
      type: 'taskItem',
      attrs: { checked },
      content: [paragraph(text(value))],
    });
    expect(
      html(
        { type: 'bulletList', content: [item('a')] },
        { type: 'orderedList', attrs: { start: 3 }, content: [item('b')] },
        { type: 'orderedList', attrs: { start: 1 }, content: [item('c')] },
        { type: 'taskList', content: [task('fait', true), task('à faire', false)] },
      ),
    ).toBe(
      '<ul><li><p>a</p></li></ul><ol start="3"><li><p>b</p></li></ol><ol><li><p>c</p></li></ol>' +
        '<ul class="task-list"><li class="task-item task-done"><span class="task-box" aria-hidden="true">☑</span><div class="task-body"><p>fait</p></div></li>' +
        '<li class="task-item"><span class="task-box" aria-hidden="true">☐</span><div class="task-body"><p>à faire</p></div></li></ul>',
    );
  });

  it('leaves out list items with no text, such as the empty one a writer leaves at the end', () => {
    const item = (...content: NoteContent[]) => ({ type: 'listItem', content: [paragraph(...content)] });
    expect(html({ type: 'bulletList', content: [item(text('a')), item(), item(text(' '))] })).toBe(
      '<ul><li><p>a</p></li></ul>',
    );
  });

  it('renders quotes, code blocks, rules, line breaks and page breaks', () => {
    expect(
      html(
        { type: 'blockquote', content: [paragraph(text('cité'))] },
        { type: 'codeBlock', content: [text('if (a < b) {}')] },
        { type: 'horizontalRule' },
        paragraph(text('un'), { type: 'hardBreak' }, text('deux')),
        { type: 'pageBreak' },
      ),
    ).toBe(
      '<blockquote><p>cité</p></blockquote><pre><code>if (a &lt; b) {}</code></pre><hr><p>un<br>deux</p><div class="page-break"></div>',
    );
  });

  it('puts a header row in a thead and keeps spans and alignment', () => {
    const cell = (type: string, value: string, attrs: Record<string, unknown> = {}) => ({
      type,
      attrs: { colspan: 1, rowspan: 1, colwidth: null, align: null, ...attrs },
      content: [paragraph(text(value))],
    });
    const table = {
      type: 'table',
      content: [
        {
          type: 'tableRow',
          content: [cell('tableHeader', 'Poste'), cell('tableHeader', 'Montant', { align: 'right' })],
        },
        { type: 'tableRow', content: [cell('tableCell', 'Total', { colspan: 2, align: 'center' })] },
        {
          type: 'tableRow',
          content: [cell('tableCell', 'A', { rowspan: 2, align: 'javascript:' }), cell('tableCell', '1')],
        },
      ],
    };
    expect(html(table)).toBe(
      '<table><thead><tr><th><p>Poste</p></th><th class="align-right"><p>Montant</p></th></tr></thead>' +
        '<tbody><tr><td colspan="2" class="align-center"><p>Total</p></td></tr>' +
        '<tr><td rowspan="2"><p>A</p></td><td><p>1</p></td></tr></tbody></table>',
    );
  });

  it('keeps a table without a header row wholly in its tbody', () => {
    const row = { type: 'tableRow', content: [{ type: 'tableCell', content: [paragraph(text('x'))] }] };
    expect(html({ type: 'table', content: [row] })).toBe('<table><tbody><tr><td><p>x</p></td></tr></tbody></table>');
  });

  it('prints links with their address, once for consecutive runs', () => {
    const href = 'https://example.org/a?b=1&c="2"';
    expect(html(paragraph(text('le ', [link(href)]), text('site', [link(href), { type: 'bold' }])))).toBe(
      '<p><a href="https://example.org/a?b=1&amp;c=&quot;2&quot;">le <strong>site</strong></a>' +
        '<span class="link-address"> (https://example.org/a?b=1&amp;c=&quot;2&quot;)</span></p>',
    );
  });

  it('leaves out the address when the text already is it, and shows mail addresses bare', () => {
    expect(html(paragraph(text('https://example.org', [link('https://example.org')])))).toBe(
      '<p><a href="https://example.org">https://example.org</a></p>',
    );
    expect(html(paragraph(text('écrire', [link('mailto:a@example.org')])))).toBe(
      '<p><a href="mailto:a@example.org">écrire</a><span class="link-address"> (a@example.org)</span></p>',
    );
  });

  it.each([
    'javascript:alert(1)',
    ' javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    'file:///etc/passwd',
    '/relative',
  ])('drops the hostile link target %s and keeps the text', (href) => {
    expect(html(paragraph(text('cliquez', [link(href)])))).toBe('<p>cliquez</p>');
  });

  it('prints the text of unknown nodes and nothing of unknown leaves', () => {
    expect(html({ type: 'mystery', content: [paragraph(text('texte'))] }, { type: 'iframe' })).toBe('<p>texte</p>');
  });
});
