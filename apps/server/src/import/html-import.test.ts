import type { NoteContent } from '@plume/editor-schema';
import { describe, expect, it } from 'vitest';
import { RefusalError } from '../refusal-error.ts';
import { noteContentFromHtml } from './html-import.ts';

// Every text, attribute and mark in the content, flattened, to look for anything hostile.
const everything = (content: NoteContent) => JSON.stringify(content);

describe('noteContentFromHtml', () => {
  it('keeps headings, paragraphs, formatting, lists, checklists and tables', () => {
    const content = noteContentFromHtml(
      '<h1>Titre</h1><h2>Partie</h2><p><strong>gras</strong> <em>italique</em> <u>souligné</u> <s>barré</s></p>' +
        '<ul><li>puce</li></ul><ol start="2"><li>deux</li></ol>' +
        '<ul data-type="taskList"><li data-type="taskItem" data-checked="true"><p>fait</p></li></ul>' +
        '<table><tr><th>Nom</th></tr><tr><td>Alice</td></tr></table>',
    );
    expect(content.content?.map((node) => node.type)).toEqual([
      'heading',
      'heading',
      'paragraph',
      'bulletList',
      'orderedList',
      'taskList',
      'table',
    ]);
    expect(content.content?.[2]?.content?.map((node) => node.marks?.[0]?.type ?? null)).toEqual([
      'bold',
      null,
      'italic',
      null,
      'underline',
      null,
      'strike',
    ]);
    expect(content.content?.[4]?.attrs?.start).toBe(2);
    expect(content.content?.[5]?.content?.[0]?.attrs?.checked).toBe(true);
    expect(content.content?.[6]?.content?.[0]?.content?.[0]?.type).toBe('tableHeader');
  });

  it('drops scripts, styles, frames, handlers and media, keeping visible text only', () => {
    const content = noteContentFromHtml(
      '<p onclick="alert(1)" style="color:red" class="x">visible<script>alert(1)</script></p>' +
        '<style>p { background: url(https://evil.example/) }</style>' +
        '<iframe src="https://evil.example/">cadre</iframe><object data="x.swf">objet</object>' +
        '<img src="x" onerror="alert(1)"><svg><script>alert(2)</script></svg>' +
        '<form action="https://evil.example/"><input value="champ"><button>bouton</button></form>' +
        '<p><span onmouseover="alert(3)">survol</span></p>',
    );
    expect(content).toEqual({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'visible' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'survol' }] },
      ],
    });
  });

  it('keeps links to safe targets only, with the attributes the editor gives them', () => {
    const content = noteContentFromHtml(
      '<p><a href="https://example.org/" title="t" class="evil" target="_top" onclick="x">sûr</a> ' +
        '<a href="javascript:alert(1)">js</a> <a href="JaVaScRiPt:alert(1)">js2</a> ' +
        '<a href="data:text/html,<script>alert(1)</script>">data</a> <a href=" javascript:alert(1)">espace</a> ' +
        '<a href="vbscript:msgbox(1)">vb</a> <a href="mailto:a@b.fr">mail</a></p>',
    );
    const links = (content.content?.[0]?.content ?? []).flatMap((node) => node.marks ?? []);
    expect(links).toEqual([
      {
        type: 'link',
        attrs: {
          href: 'https://example.org/',
          target: '_blank',
          rel: 'noopener noreferrer nofollow',
          class: null,
          title: null,
        },
      },
      {
        type: 'link',
        attrs: {
          href: 'mailto:a@b.fr',
          target: '_blank',
          rel: 'noopener noreferrer nofollow',
          class: null,
          title: null,
        },
      },
    ]);
    expect(everything(content)).not.toMatch(/javascript|vbscript|data:/i);
  });

  it('turns headings below level 3 into level 3', () => {
    const content = noteContentFromHtml('<h5>profond</h5>');
    expect(content.content?.[0]).toEqual({
      type: 'heading',
      attrs: { level: 3 },
      content: [{ type: 'text', text: 'profond' }],
    });
  });

  it('refuses lists nested deeper than a note may hold', () => {
    const nested = `${'<ul><li>niveau'.repeat(40)}${'</li></ul>'.repeat(40)}`;
    expect(() => noteContentFromHtml(nested)).toThrow(RefusalError);
    expect(() => noteContentFromHtml(nested)).toThrow(/nesting deeper than 32/);
  });

  it('refuses hostile nesting before reading it', () => {
    const nested = `${'<div>'.repeat(10_000)}x${'</div>'.repeat(10_000)}`;
    expect(() => noteContentFromHtml(nested)).toThrow(/imbriqués sur plus de 256 niveaux/);
  });

  it('refuses more than 2 MB of HTML', () => {
    expect(() => noteContentFromHtml(`<p>${'a'.repeat(2 * 1024 * 1024)}</p>`)).toThrow(
      expect.objectContaining({ code: 'importTooLarge' }),
    );
  });
});
