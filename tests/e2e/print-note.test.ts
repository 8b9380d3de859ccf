import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { NoteDetail, Theme } from '@plume/protocol';
import { createTestNote, startTestServer, type TestServer, testApi } from '@plume/server/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as Y from 'yjs';
import { ARTIFACTS_DIR, addSessionCookie, DESKTOP, useChromiumPages } from './browser.ts';

const run = promisify(execFile);

const HOSTILE_TITLE = '</style><script>alert(1)</script>';
const MARKING = 'Confidentiel — ne pas diffuser';
const TABLE_ROWS = 45;

/** A ProseMirror node as JSON, the shape the editor schema gives a note's content. */
type Node = {
  type: string;
  attrs?: Record<string, unknown>;
  text?: string;
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
  content?: Node[];
};

const text = (value: string, marks: Node['marks'] = []): Node => ({ type: 'text', text: value, marks });
const paragraph = (...content: Node[]): Node => ({ type: 'paragraph', content });
const heading = (level: number, value: string): Node => ({ type: 'heading', attrs: { level }, content: [text(value)] });
const cell = (type: 'tableHeader' | 'tableCell', value: string): Node => ({
  type,
  attrs: { colspan: 1, rowspan: 1, colwidth: null, align: null },
  content: [paragraph(text(value))],
});

/** A note with headings, marks, lists, a table long enough for two pages and a page break. */
const CONTENT: Node[] = [
  heading(1, 'Contexte'),
  paragraph(
    text('La réforme '),
    text('prioritaire', [{ type: 'bold' }]),
    text(' est décrite sur '),
    text('le site du ministère', [{ type: 'link', attrs: { href: 'https://example.org/reforme' } }]),
    text('. Un lien piégé reste du texte : '),
    text('cliquez', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }]),
    text('.'),
  ),
  {
    type: 'bulletList',
    content: ['Constat partagé', 'Calendrier serré'].map((value) => ({
      type: 'listItem',
      content: [paragraph(text(value))],
    })),
  },
  heading(2, 'Chiffres clés'),
  {
    type: 'table',
    content: [
      { type: 'tableRow', content: [cell('tableHeader', 'Indicateur'), cell('tableHeader', 'Valeur')] },
      ...Array.from({ length: TABLE_ROWS }, (_, index) => ({
        type: 'tableRow',
        content: [cell('tableCell', `Ligne ${index + 1}`), cell('tableCell', `${(index + 1) * 7} %`)],
      })),
    ],
  },
  paragraph(text('Dernier paragraphe avant le saut.')),
  { type: 'pageBreak' },
  heading(1, 'Après le saut'),
  paragraph(text('Ce paragraphe commence une nouvelle page.')),
];

/** Writes ProseMirror JSON into a Y.XmlFragment the way the editor's Yjs binding stores it. */
function appendNodes(parent: Y.XmlFragment | Y.XmlElement, nodes: readonly Node[]): void {
  for (const node of nodes) {
    if (node.type === 'text') {
      const run = new Y.XmlText();
      parent.insert(parent.length, [run]);
      run.insert(
        0,
        node.text ?? '',
        Object.fromEntries((node.marks ?? []).map((mark) => [mark.type, mark.attrs ?? {}])),
      );
      continue;
    }
    const element = new Y.XmlElement(node.type);
    // y-prosemirror keeps attributes with their JSON types (numbers, booleans, null).
    for (const [name, value] of Object.entries(node.attrs ?? {})) element.setAttribute(name, value as string);
    parent.insert(parent.length, [element]);
    appendNodes(element, node.content ?? []);
  }
}

/** The text of each page of a PDF, as `pdftotext -layout` lays it out. */
async function pagesOf(pdf: string): Promise<string[]> {
  const { stdout: info } = await run('pdfinfo', [pdf]);
  const count = Number(/^Pages:\s+(\d+)$/m.exec(info)?.[1]);
  const pages: string[] = [];
  for (let page = 1; page <= count; page++) {
    const { stdout } = await run('pdftotext', ['-layout', '-f', String(page), '-l', String(page), pdf, '-']);
    pages.push(stdout);
  }
  return pages;
}

const { newPage, violations } = useChromiumPages();

describe('printing one note', () => {
  let server: TestServer;
  let noteId: string;
  let pages: string[];

  beforeAll(async () => {
    server = await startTestServer({ webRoot: inject('webRoot') });
    noteId = await createTestNote(server, HOSTILE_TITLE);
    const api = testApi(server.url, server.admin.cookie);
    // The workspace starts with a few themes, health among them.
    const themes = await api.get<Theme[]>('/themes');
    const health = themes.body.find(({ name }) => name === 'Santé');
    if (!health) throw new Error(`no "Santé" theme among ${themes.body.map(({ name }) => name).join(', ')}`);
    expect((await api.patch<NoteDetail>(`/notes/${noteId}`, { themeId: health.id })).status).toBe(200);
    const room = await server.rooms.acquire(noteId);
    try {
      appendNodes(room.doc.getXmlFragment('default'), CONTENT);
    } finally {
      server.rooms.release(room);
    }
  });
  afterAll(async () => {
    await server?.dispose();
  });

  /** Loads a note's print document as its reader would and prints it to `name`.pdf among the artifacts. */
  async function printToPdf(id: string, name: string): Promise<string> {
    const page = await newPage(DESKTOP);
    await addSessionCookie(page.context(), server.url, server.admin.cookie);
    const response = await page.goto(`${server.url}/api/notes/${id}/print`);
    expect(response?.status()).toBe(200);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await mkdir(ARTIFACTS_DIR, { recursive: true });
    const pdf = join(ARTIFACTS_DIR, `${name}.pdf`);
    await writeFile(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    return pdf;
  }

  it('renders the print document to a PDF whose every page carries header, footer and marking', async () => {
    const pdf = await printToPdf(noteId, 'print-note');
    await run('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      pdf,
      join(ARTIFACTS_DIR, 'print-note-page-1'),
    ]);
    pages = await pagesOf(pdf);

    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((text, index) => {
      expect(text, `page ${index + 1}`).toContain(`Page ${index + 1} / ${pages.length}`);
      expect(text, `page ${index + 1}`).toContain(MARKING);
      expect(text, `page ${index + 1}`).toContain(`Santé · ${HOSTILE_TITLE}`);
      expect(text, `page ${index + 1}`).toMatch(/Version [0-9a-f]{8}/);
    });
    expect(violations()).toEqual([]);
  });

  it('prints the hostile title as text, in the title block and the running header', () => {
    const first = pages[0] ?? '';
    expect(first).toContain(HOSTILE_TITLE);
    expect(first).toContain('SANTÉ');
    expect(first).toMatch(/Brouillon · \d{1,2} \S+ \d{4} · Version [0-9a-f]{8}/);
  });

  it('prints links with their address and hostile links as plain text', () => {
    const first = (pages[0] ?? '').replace(/\s+/g, ' ');
    expect(first).toContain('le site du ministère (https://example.org/reforme)');
    expect(first).toContain('Un lien piégé reste du texte : cliquez.');
  });

  it('repeats the table header row on the page where the table goes on', () => {
    const continued = pages.findIndex((text, index) => index > 0 && text.includes(`Ligne ${TABLE_ROWS}`));
    const starts = pages.findIndex((text) => text.includes('Ligne 1 '));
    expect(continued).toBeGreaterThan(starts);
    expect(pages[continued]).toMatch(/Indicateur\s+Valeur/);
    expect(pages[continued]).not.toContain('Ligne 1 ');
  });

  it('never leaves a heading alone at the bottom of a page', async () => {
    const sectionsId = await createTestNote(server, 'Sections');
    // Sections of one to five lines put their headings at every height of the page.
    const sentence = 'Une phrase assez longue pour occuper à peu près une ligne entière de texte courant. ';
    const sections = Array.from({ length: 40 }, (_, index) => [
      heading(2, `Section ${index + 1}`),
      paragraph(text(`${sentence.repeat((index % 5) + 1)}Fin ${index + 1}.`)),
    ]).flat();
    const room = await server.rooms.acquire(sectionsId);
    try {
      appendNodes(room.doc.getXmlFragment('default'), sections);
    } finally {
      server.rooms.release(room);
    }

    const sectionPages = await pagesOf(await printToPdf(sectionsId, 'print-note-sections'));

    expect(sectionPages.length).toBeGreaterThanOrEqual(3);
    for (const [index, page] of sectionPages.entries()) {
      const lines = page
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '');
      // The last line is the footer; the one before it ends the page's text.
      const lastTextLine = lines.at(-2) ?? '';
      expect(lastTextLine, `page ${index + 1}`).not.toMatch(/^Section \d+$/);
    }
  });

  it('honours the page break: what follows it starts a new page', () => {
    const before = pages.findIndex((text) => text.includes('Dernier paragraphe avant le saut.'));
    const after = pages.findIndex((text) => text.includes('Après le saut'));
    expect(before).toBeGreaterThanOrEqual(0);
    expect(after).toBe(before + 1);
  });

  it('prints from the note page through a hidden frame holding the print document', async () => {
    const page = await newPage(DESKTOP);
    await addSessionCookie(page.context(), server.url, server.admin.cookie);
    // The test cannot answer a print dialog: the frame's print() only records that it was called.
    await page.context().addInitScript(() => {
      window.print = () => {
        document.documentElement.dataset.printed = 'true';
      };
    });
    await page.goto(`${server.url}/notes/${noteId}`);
    await page.getByRole('button', { name: 'Imprimer' }).click();

    await expect.poll(() => page.locator('iframe.print-frame').count()).toBe(1);
    const frame = page.frameLocator('iframe.print-frame');
    await expect.poll(() => frame.locator('h1').textContent()).toBe(HOSTILE_TITLE);
    await expect.poll(() => frame.locator('html').getAttribute('data-printed')).toBe('true');
    await page.getByRole('button', { name: 'Imprimer' }).click();
    await expect.poll(() => page.locator('iframe.print-frame').count()).toBe(1);
    expect(violations()).toEqual([]);
  });

  it('tells the person, in their language, why the note could not be printed', async () => {
    const page = await newPage(DESKTOP);
    await addSessionCookie(page.context(), server.url, server.admin.cookie);
    await page.goto(`${server.url}/notes/${noteId}`);
    // The server answers for a note nobody can read, as it would once this one was deleted elsewhere.
    await page.route('**/print', (route) => route.continue({ url: `${server.url}/api/notes/${'a'.repeat(20)}/print` }));
    await page.getByRole('button', { name: 'Imprimer' }).click();

    await expect
      .poll(() => page.locator('.note-page p.error').allTextContents())
      .toContain('L’impression n’a pas pu être préparée : Cette note n’existe pas, ou vous n’y avez pas accès.');
  });
});
