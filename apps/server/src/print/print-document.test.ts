import { describe, expect, it } from 'vitest';
import { noteHtml, packHtml } from './print-document.ts';
import type { PrintNote, PrintOptions } from './print-types.ts';

const HOSTILE = '</style><script>alert(1)</script>';
const ESCAPED = '&lt;/style&gt;&lt;script&gt;alert(1)&lt;/script&gt;';

const options: PrintOptions = {
  paper: 'A4',
  marking: 'Confidentiel — ne pas diffuser',
  language: 'fr',
  largeType: false,
  doubleSided: false,
};

function note(overrides: Partial<PrintNote> = {}): PrintNote {
  return {
    id: 'n1',
    title: 'Point de situation',
    theme: 'Santé',
    statusLabel: 'Validée',
    version: '1a2b3c4d',
    date: new Date('2026-12-02T10:00:00Z'),
    content: {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Contexte' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Texte.' }] },
      ],
    },
    ...overrides,
  };
}

/** The text between `<style>` and `</style>`, and what comes after. */
function parts(html: string) {
  const start = html.indexOf('<style>');
  const end = html.indexOf('</style>');
  return { style: html.slice(start, end), after: html.slice(end) };
}

describe('noteHtml', () => {
  it('is a complete document with a title block, then the content with its headings shifted', () => {
    const html = noteHtml(note(), options);
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="fr">')).toBe(true);
    expect(html).toContain('<title>Point de situation</title>');
    expect(html).toContain('<p class="title-theme">Santé</p>\n<h1>Point de situation</h1>');
    expect(html).toContain('<p class="title-meta">Validée · 2 décembre 2026 · Version 1a2b3c4d</p>');
    expect(html).toContain('<p class="title-marking">Confidentiel — ne pas diffuser</p>');
    expect(html).toContain('<h2>Contexte</h2><p>Texte.</p>');
    expect(html.match(/<h1>/g)).toHaveLength(1);
  });

  it('gives the note a named page whose margin boxes carry header, footer, marking and page numbers', () => {
    const html = noteHtml(note(), options);
    expect(html).toContain('.note-1 { page: note-1; }');
    expect(html).toContain('@top-left { content: "Santé · Point de situation";');
    expect(html).toContain('@bottom-left { content: "2 décembre 2026 · Version 1a2b3c4d";');
    expect(html).toContain('@bottom-center { content: "Confidentiel — ne pas diffuser";');
  });

  it('words dates and labels in English when asked', () => {
    const html = noteHtml(note({ statusLabel: 'Validated' }), { ...options, language: 'en' });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Validated · 2 December 2026 · Version 1a2b3c4d');
  });

  it('prints a hostile title, theme and marking as plain text everywhere', () => {
    const html = noteHtml(note({ title: HOSTILE, theme: HOSTILE }), { ...options, marking: HOSTILE });
    const { style, after } = parts(html);
    expect(html).not.toContain('<script');
    expect(style).not.toMatch(/<(?!style>)/);
    expect(after.startsWith('</style>\n</head>')).toBe(true);
    expect(html).toContain(`<title>${ESCAPED}</title>`);
    expect(html).toContain(`<h1>${ESCAPED}</h1>`);
    expect(html).toContain(`<p class="title-theme">${ESCAPED}</p>`);
    expect(html).toContain(`<p class="title-marking">${ESCAPED}</p>`);
  });
});

describe('packHtml', () => {
  const cover = {
    title: 'Dossier du 2 décembre',
    date: new Date('2026-12-02T08:00:00Z'),
    recipient: 'Mme la candidate',
  };
  const notes = [note(), note({ id: 'n2', title: 'Deuxième', theme: null })];

  it('starts with a cover and a table of contents that use no heading elements', () => {
    const html = packHtml({ cover, notes, layout: null }, options);
    const body = html.slice(html.indexOf('<body>'));
    const beforeFirstNote = body.slice(0, body.indexOf('<article'));
    expect(beforeFirstNote).not.toMatch(/<h[1-6]/);
    expect(beforeFirstNote).toContain('<p class="cover-title">Dossier du 2 décembre</p>');
    expect(beforeFirstNote).toContain('À l’attention de Mme la candidate');
    expect(beforeFirstNote).toContain('<p class="cover-date">2 décembre 2026</p>');
    expect(beforeFirstNote).toContain('<p class="cover-marking">Confidentiel — ne pas diffuser</p>');
    expect(body.match(/<h1>/g)).toHaveLength(2);
  });

  it('links each contents entry to its note, with unseen "00" placeholders before the layout is known', () => {
    const html = packHtml({ cover, notes, layout: null }, options);
    expect(html).toContain(
      '<li><a href="#note-1"><span class="toc-entry"><span class="toc-theme">Santé</span><span class="toc-title">Point de situation</span></span><span class="toc-leader"></span><span class="toc-page toc-page-unknown">00</span></a></li>',
    );
    expect(html).toContain('<article class="note note-2" id="note-2">');
  });

  it('prints the page numbers of the layout and the blank pages it asks for', () => {
    const html = packHtml(
      { cover, notes, layout: { tocPages: [3, 6], blankBefore: [true, false] } },
      {
        ...options,
        doubleSided: true,
      },
    );
    expect(html).toContain('<span class="toc-page">3</span>');
    expect(html).toContain('<span class="toc-page">6</span>');
    expect(html.match(/<div class="blank"><\/div>/g)).toHaveLength(1);
    expect(html.indexOf('<div class="blank">')).toBeLessThan(html.indexOf('id="note-1"'));
  });

  it('puts the page of changes, when given, between the contents and the first note, on its own named page', () => {
    const changes = [
      {
        title: HOSTILE,
        state: 'changed' as const,
        since: { title: HOSTILE, date: new Date('2026-11-30T12:00:00Z') },
        tallies: [{ name: HOSTILE, inserted: 3, deleted: 2 }],
        passages: [[{ type: 'text', text: HOSTILE, marks: [{ type: 'inserted', attrs: { author: 'u1' } }] }]],
        omitted: 0,
        authors: { u1: HOSTILE },
      },
    ];
    const html = packHtml({ cover, notes, layout: null, changes }, options);
    const body = html.slice(html.indexOf('<body>'));
    expect(body.indexOf('class="toc"')).toBeLessThan(body.indexOf('class="changes"'));
    expect(body.indexOf('class="changes"')).toBeLessThan(body.indexOf('<article'));
    expect(body.slice(0, body.indexOf('<article'))).not.toMatch(/<h[1-6]/);
    expect(parts(html).style).toContain('@page changes {');
    expect(parts(html).style).toContain('"Modifié depuis le dernier dossier"');
    expect(html).not.toContain('<script');
    expect(html).toContain(`<ins>${ESCAPED}</ins><span class="change-author">${ESCAPED}</span>`);
    expect(packHtml({ cover, notes, layout: null }, options)).not.toContain('class="changes"');
  });

  it('prints a hostile cover as plain text', () => {
    const html = packHtml(
      { cover: { title: HOSTILE, date: cover.date, recipient: HOSTILE }, notes, layout: null },
      options,
    );
    expect(html).not.toContain('<script');
    expect(parts(html).style).not.toMatch(/<(?!style>)/);
    expect(html).toContain(`<p class="cover-title">${ESCAPED}</p>`);
  });
});
