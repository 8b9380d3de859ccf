import { readFile } from 'node:fs/promises';
import {
  addTestMember,
  connectTestClient,
  createTestAccount,
  createTestNote,
  startTestServer,
  type TestClient,
  type TestServer,
  typeInNote,
} from '@plume/server/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as Y from 'yjs';
import {
  addSessionCookie,
  type CspViolation,
  collectCspViolations,
  DESKTOP,
  keepScreenshot,
  launchChromium,
  PHONE,
} from './browser.ts';

/** The screenshots' phone and desktop. */
/** DOCUMENT_FIELD of @plume/editor-schema: the Y.XmlFragment of a note, named here since tests cannot import it. */
const DOCUMENT_FIELD = 'default';
const FIXTURES = new URL('./fixtures/paste/', import.meta.url);
/** A host that never answers: any request to it is a payload that got through. */
const EVIL = 'evil.example';

let browser: Browser;
let server: TestServer;
const contexts: BrowserContext[] = [];
const clients: TestClient[] = [];
const violations: CspViolation[][] = [];

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), startTestServer({ webRoot: inject('webRoot') })]);
});
afterAll(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const context of contexts.splice(0)) await context.close();
  await browser?.close();
  await server?.dispose();
});

/** A fresh French browser profile, its CSP violations collected; a phone one has a touch screen. */
async function newContext(viewport: { width: number; height: number }, phone = false): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport, locale: 'fr-FR', hasTouch: phone, isMobile: phone });
  contexts.push(context);
  violations.push(await collectCspViolations(context));
  return context;
}

/** Opens a note as `cookie`'s account and resolves once the server has it all and the editor has the focus. */
async function openNote(noteId: string, context: BrowserContext, cookie = server.admin.cookie): Promise<Page> {
  await addSessionCookie(context, server.url, cookie);
  const page = await context.newPage();
  await page.goto(`${server.url}/notes/${noteId}`);
  await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Enregistré');
  return page;
}

/** Creates a note and opens it, as the server's admin, in a new desktop profile. */
async function openNewNote(title: string, viewport = DESKTOP): Promise<{ page: Page; noteId: string }> {
  const noteId = await createTestNote(server, title);
  const page = await openNote(noteId, await newContext(viewport));
  await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('tiptap'))).toBe(true);
  return { page, noteId };
}

/** A second, real y-websocket client on the note: what the server shares is what it receives. */
async function sharedDocument(noteId: string): Promise<TestClient> {
  const client = connectTestClient(server.wsUrl, noteId, { cookie: server.admin.cookie });
  clients.push(client);
  await client.synced();
  return client;
}

/** The shared document as Yjs writes it, node names in lower case: `<heading level="1">…</heading><bulletlist>…`. */
function xmlOf(client: TestClient): string {
  return client.doc.getXmlFragment(DOCUMENT_FIELD).toString();
}

/** Every node and mark name in the shared document, and the targets of its links. */
function sharedContentOf(client: TestClient): { nodes: string[]; marks: string[]; hrefs: string[] } {
  const nodes = new Set<string>();
  const marks = new Set<string>();
  const hrefs: string[] = [];
  const visit = (item: unknown) => {
    if (item instanceof Y.XmlText) {
      for (const { attributes } of item.toDelta() as Array<{ attributes?: Record<string, unknown> }>) {
        for (const [mark, value] of Object.entries(attributes ?? {})) {
          marks.add(mark);
          if (mark === 'link') hrefs.push(String((value as { href?: unknown }).href));
        }
      }
    } else if (item instanceof Y.XmlElement) {
      nodes.add(item.nodeName);
      for (const child of item.toArray()) visit(child);
    }
  };
  for (const child of client.doc.getXmlFragment(DOCUMENT_FIELD).toArray()) visit(child);
  return { nodes: [...nodes], marks: [...marks], hrefs };
}

/** The node and mark names of the editor's schema, read from the editor Tiptap hangs on its element. */
function schemaNamesOf(page: Page): Promise<{ nodes: string[]; marks: string[] }> {
  return page.locator('.tiptap').evaluate((element) => {
    type Schema = { nodes: Record<string, unknown>; marks: Record<string, unknown> };
    const { schema } = (element as unknown as { editor: { schema: Schema } }).editor;
    return { nodes: Object.keys(schema.nodes), marks: Object.keys(schema.marks) };
  });
}

/** The text of the block holding the caret, or of the selection when there is one, as the editor sees it. */
function selectionOf(page: Page): Promise<string> {
  return page.locator('.tiptap').evaluate((element) => {
    type State = {
      selection: { from: number; to: number; empty: boolean; $from: { parent: { textContent: string } } };
      doc: { textBetween(from: number, to: number): string };
    };
    const { state } = (element as unknown as { editor: { state: State } }).editor;
    const { selection } = state;
    return selection.empty ? selection.$from.parent.textContent : state.doc.textBetween(selection.from, selection.to);
  });
}

/** Puts the caret in the block showing `text` and selects that block's text; resolves once the editor has it. */
async function selectBlock(page: Page, text: string): Promise<void> {
  await page.locator('.tiptap').getByText(text, { exact: true }).click();
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+End');
  await expect.poll(() => selectionOf(page)).toBe(text);
}

/** Puts the caret at the end of the block showing `text`; resolves once the editor has it there. */
async function placeCaretIn(page: Page, text: string): Promise<void> {
  await page.locator('.tiptap').getByText(text, { exact: true }).click();
  await pressEnd(page, text);
}

/** Presses End in the block showing `text`; resolves once the editor's caret is at its end. */
async function pressEnd(page: Page, text: string): Promise<void> {
  await page.keyboard.press('End');
  await expect
    .poll(() =>
      page.locator('.tiptap').evaluate((element) => {
        type State = {
          selection: { empty: boolean; $from: { parentOffset: number; parent: { textContent: string } } };
        };
        const { selection } = (element as unknown as { editor: { state: State } }).editor.state;
        const { parent, parentOffset } = selection.$from;
        return selection.empty && parentOffset === parent.textContent.length ? parent.textContent : null;
      }),
    )
    .toBe(text);
}

/**
 * Types text at a fast typist's pace. ProseMirror reads what the browser typed from the page a
 * moment later; keys sent all at once can land before it has, just after an input rule or Enter
 * redrew the block, and then go to the wrong place. No person types a key every 25 ms.
 */
async function typeText(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text);
}

/** Keeps a screenshot once the page has drawn two more frames: the toolbar follows in idle time. */
async function screenshot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await keepScreenshot(page, name);
}

/** Pastes HTML as the browser does when the person presses Ctrl+V: a paste event carrying it. */
async function paste(page: Page, html: string, text = 'texte collé'): Promise<void> {
  await page.locator('.tiptap').evaluate(
    (editor, clipboard) => {
      const data = new DataTransfer();
      data.setData('text/html', clipboard.html);
      data.setData('text/plain', clipboard.text);
      editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    { html, text },
  );
}

/** The name of the focused element, as a test can tell it: its aria-label, or "editor". */
function focusedName(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const active = document.activeElement;
    return active?.classList.contains('tiptap') ? 'editor' : (active?.getAttribute('aria-label') ?? null);
  });
}

type ListShape = { tag: string; items: Array<{ text: string; lists: ListShape[] }> };

/** What a pasted note kept, in the editor: headings, formats, links, lists as trees, tables as cells. */
function structureOf(page: Page) {
  return page.locator('.tiptap').evaluate((root) => {
    const texts = (selector: string) =>
      [...root.querySelectorAll(selector)].map((element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim());
    // A checklist item holds its paragraphs and sublists in a <div>, after its box.
    const listShape = (list: Element): ListShape => ({
      tag:
        list.localName +
        (list.getAttribute('type') ? `[${list.getAttribute('type')}]` : '') +
        (list.getAttribute('data-type') ? '[tâches]' : ''),
      items: [...list.children].map((item) => ({
        text: (item.querySelector(':scope > p, :scope > div > p')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        lists: [...item.querySelectorAll(':is(:scope, :scope > div) > :is(ul, ol)')].map(listShape),
      })),
    });
    return {
      headings: [...root.querySelectorAll('h1, h2, h3')].map(
        (heading) => `${heading.localName}:${heading.textContent}`,
      ),
      paragraphs: texts(':scope > p'),
      bold: texts('strong'),
      italic: texts('em'),
      underline: texts('u'),
      strike: texts('s'),
      links: [...root.querySelectorAll('a')].map((link) => `${link.textContent}→${link.getAttribute('href')}`),
      lists: [...root.querySelectorAll(':scope > ul, :scope > ol')].map(listShape),
      tables: [...root.querySelectorAll('table')].map((table) =>
        [...table.rows].map((row) =>
          [...row.cells].map((cell) => {
            const align = cell.getAttribute('data-align');
            return `${cell.localName}${align ? `@${align}` : ''}:${(cell.textContent ?? '').trim()}`;
          }),
        ),
      ),
      pageBreaks: root.querySelectorAll('.page-break').length,
      classes: [...new Set([...root.querySelectorAll('[class]')].flatMap((element) => [...element.classList]))],
      // Tiptap sizes a table's columns through the CSSOM; nothing else in a note has a style.
      styled: [...root.querySelectorAll('[style]:not(table):not(col)')].map((element) => element.outerHTML),
      foreign: [
        ...root.querySelectorAll('span, font, img, svg, form, input, button, iframe, script, style, o\\:p'),
      ].map((element) => element.outerHTML),
      text: root.textContent ?? '',
    };
  });
}

/** Classes the editor gives its own elements; a pasted one is never kept. */
const EDITOR_CLASSES = [
  'tableWrapper',
  'page-break',
  'ProseMirror-trailingBreak',
  'ProseMirror-separator',
  'near-caret',
];

describe('the editor toolbar', () => {
  it('formats text and builds blocks with every button, and the shared document has them', async () => {
    const { page, noteId } = await openNewNote('Boîte à outils');
    const toolbar = page.getByRole('toolbar', { name: 'Mise en forme' });
    const tableBar = page.getByRole('toolbar', { name: 'Tableau' });
    const button = (name: string) => toolbar.getByRole('button', { name, exact: true });
    const tableButton = (name: string) => tableBar.getByRole('button', { name, exact: true });
    const editor = page.locator('.tiptap');
    const lines = ['Titre principal', 'Section', 'Sous-section', 'gras', 'italique', 'souligné', 'barré', 'surligné'];
    const blocks = ['une puce', 'un numéro', 'une tâche', 'une citation', 'fin'];

    // Undo and redo are the person's own: a co-author's text stays.
    const shared = await sharedDocument(noteId);
    typeInNote(shared.doc, 0, 'Texte d’un co-auteur');
    await expect.poll(() => editor.textContent()).toBe('Texte d’un co-auteur');
    expect(await button('Annuler').getAttribute('aria-disabled')).toBe('true');
    expect(await button('Rétablir').getAttribute('aria-disabled')).toBe('true');
    await placeCaretIn(page, 'Texte d’un co-auteur');
    await typeText(page, ' et le mien');
    await expect.poll(() => button('Annuler').getAttribute('aria-disabled')).toBeNull();
    await button('Annuler').click();
    await expect.poll(() => editor.textContent()).toBe('Texte d’un co-auteur');
    await expect.poll(() => button('Rétablir').getAttribute('aria-disabled')).toBeNull();
    await button('Rétablir').click();
    await expect.poll(() => editor.textContent()).toBe('Texte d’un co-auteur et le mien');
    await pressEnd(page, 'Texte d’un co-auteur et le mien');
    await typeText(page, `\n${[...lines, ...blocks].join('\n')}`);
    await expect
      .poll(() => editor.locator('p').allTextContents())
      .toEqual(['Texte d’un co-auteur et le mien', ...lines, ...blocks]);

    const blockType = toolbar.getByRole('combobox', { name: 'Style du paragraphe' });
    for (const [text, value, tag] of [
      ['Titre principal', 'heading1', 'h1'],
      ['Section', 'heading2', 'h2'],
      ['Sous-section', 'heading3', 'h3'],
    ] as const) {
      await placeCaretIn(page, text);
      await blockType.selectOption(value);
      await expect.poll(() => editor.locator(tag).textContent()).toBe(text);
    }
    await placeCaretIn(page, 'gras');
    await expect.poll(() => blockType.inputValue()).toBe('paragraph');
    await placeCaretIn(page, 'Section');
    await expect.poll(() => blockType.inputValue()).toBe('heading2');

    for (const [text, name, tag] of [
      ['gras', 'Gras', 'strong'],
      ['italique', 'Italique', 'em'],
      ['souligné', 'Souligné', 'u'],
      ['barré', 'Barré', 's'],
      ['surligné', 'Surligner', 'mark'],
    ] as const) {
      await selectBlock(page, text);
      await expect.poll(() => button(name).getAttribute('aria-pressed')).toBe('false');
      await button(name).click();
      await expect.poll(() => editor.locator(`p > ${tag}`).textContent()).toBe(text);
      await expect.poll(() => button(name).getAttribute('aria-pressed')).toBe('true');
    }

    for (const [text, name, selector] of [
      ['une puce', 'Liste à puces', 'ul:not([data-type]) > li'],
      ['un numéro', 'Liste numérotée', 'ol > li'],
      ['une tâche', 'Liste de tâches', 'ul[data-type="taskList"] > li > div > p'],
      ['une citation', 'Citation', 'blockquote > p'],
    ] as const) {
      await placeCaretIn(page, text);
      await button(name).click();
      await expect.poll(() => editor.locator(selector).textContent()).toBe(text);
      await expect.poll(() => button(name).getAttribute('aria-pressed')).toBe('true');
    }

    await placeCaretIn(page, 'fin');
    expect(await tableBar.isHidden()).toBe(true);
    await button('Insérer un tableau').click();
    await expect.poll(() => editor.locator('table tr').count()).toBe(3);
    expect(await editor.locator('table tr').first().locator('th').count()).toBe(3);
    await expect.poll(() => tableBar.isVisible()).toBe(true);
    await expect.poll(() => button('Insérer un tableau').getAttribute('aria-disabled')).toBe('true');
    await typeText(page, 'Mesure');
    await editor.locator('td').first().click();
    await typeText(page, 'Encadrement');
    await expect.poll(() => selectionOf(page)).toBe('Encadrement');
    await expect
      .poll(() => xmlOf(shared))
      .toMatch(/<tableheader[^>]*><paragraph>Mesure<\/paragraph>.*<tablecell[^>]*><paragraph>Encadrement</);
    await screenshot(page, 'editor-toolbar-table');
    const rows = () => editor.locator('table tr').count();
    const columns = () => editor.locator('table tr').last().locator('td, th').count();
    await tableButton('Insérer une ligne en dessous').click();
    await expect.poll(rows).toBe(4);
    await tableButton('Insérer une ligne au-dessus').click();
    await expect.poll(rows).toBe(5);
    await tableButton('Insérer une colonne à droite').click();
    await expect.poll(columns).toBe(4);
    await tableButton('Insérer une colonne à gauche').click();
    await expect.poll(columns).toBe(5);
    await tableButton('Supprimer la ligne').click();
    await expect.poll(rows).toBe(4);
    await tableButton('Supprimer la colonne').click();
    await expect.poll(columns).toBe(4);
    await expect.poll(() => tableButton('Ligne d’en-tête').getAttribute('aria-pressed')).toBe('true');
    await tableButton('Ligne d’en-tête').click();
    await expect.poll(() => editor.locator('th').count()).toBe(0);
    await expect.poll(() => tableButton('Ligne d’en-tête').getAttribute('aria-pressed')).toBe('false');
    await tableButton('Ligne d’en-tête').click();
    await expect.poll(() => editor.locator('tr').first().locator('th').count()).toBe(4);
    await expect
      .poll(() => xmlOf(shared))
      .toMatch(/<table><tablerow>(<tableheader[^>]*>.*?<\/tableheader>){4}<\/tablerow>/);

    await tableButton('Supprimer le tableau').click();
    await expect.poll(() => editor.locator('table').count()).toBe(0);
    await expect.poll(() => tableBar.isHidden()).toBe(true);
    await placeCaretIn(page, 'fin');
    await button('Ligne de séparation').click();
    await expect.poll(() => editor.locator('hr').count()).toBe(1);
    await placeCaretIn(page, 'fin');
    await button('Saut de page').click();
    await expect.poll(() => editor.locator('.page-break').count()).toBe(1);

    await expect.poll(() => xmlOf(shared)).not.toContain('<table>');
    const xml = xmlOf(shared);
    for (const expected of [
      '<heading level="1">Titre principal</heading>',
      '<heading level="2">Section</heading>',
      '<heading level="3">Sous-section</heading>',
      '<paragraph><bold>gras</bold></paragraph>',
      '<paragraph><italic>italique</italic></paragraph>',
      '<paragraph><underline>souligné</underline></paragraph>',
      '<paragraph><strike>barré</strike></paragraph>',
      '<paragraph><highlight>surligné</highlight></paragraph>',
      '<bulletlist><listitem><paragraph>une puce</paragraph></listitem></bulletlist>',
      '<tasklist><taskitem checked="false"><paragraph>une tâche</paragraph></taskitem></tasklist>',
      '<blockquote><paragraph>une citation</paragraph></blockquote>',
      '<horizontalrule></horizontalrule>',
      '<pagebreak></pagebreak>',
    ]) {
      expect(xml).toContain(expected);
    }
    expect(xml).toMatch(/<orderedlist[^>]*><listitem><paragraph>un numéro<\/paragraph><\/listitem><\/orderedlist>/);
  });

  it('turns Markdown shortcuts into formats and blocks as they are typed', async () => {
    const { page, noteId } = await openNewNote('Au fil de la plume');
    await typeText(page, '# Titre\n## Sous-titre\n- puce\n\n1. numéro\n\n[ ] tâche\n\n> citation\n\n');
    await typeText(page, '**gras** *italique* ~~barré~~ ==surligné== fin\n---');
    const editor = page.locator('.tiptap');
    await expect.poll(() => editor.locator('hr').count()).toBe(1);
    const structure = await structureOf(page);
    expect(structure.headings).toEqual(['h1:Titre', 'h2:Sous-titre']);
    expect(structure.lists).toEqual([
      { tag: 'ul', items: [{ text: 'puce', lists: [] }] },
      { tag: 'ol', items: [{ text: 'numéro', lists: [] }] },
      { tag: 'ul[tâches]', items: [{ text: 'tâche', lists: [] }] },
    ]);
    expect(await editor.locator('blockquote').textContent()).toBe('citation');
    expect(structure).toMatchObject({ bold: ['gras'], italic: ['italique'], strike: ['barré'] });
    expect(await editor.locator('mark').textContent()).toBe('surligné');
    expect(structure.paragraphs).toContain('gras italique barré surligné fin');

    const shared = await sharedDocument(noteId);
    await expect.poll(() => xmlOf(shared)).toContain('<horizontalrule></horizontalrule>');
    const xml = xmlOf(shared);
    expect(xml).toContain('<heading level="1">Titre</heading><heading level="2">Sous-titre</heading>');
    expect(xml).toContain('<tasklist><taskitem checked="false"><paragraph>tâche</paragraph></taskitem></tasklist>');
    expect(xml).toContain(
      '<paragraph><bold>gras</bold> <italic>italique</italic> <strike>barré</strike> <highlight>surligné</highlight> fin</paragraph>',
    );
  });

  it('is one tab stop, moved through with the arrows, pressed with Enter and Space, left with Escape', async () => {
    const { page } = await openNewNote('Au clavier');
    const toolbar = page.getByRole('toolbar', { name: 'Mise en forme' });
    const editor = page.locator('.tiptap');
    await typeText(page, 'clavier');
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+End');
    await expect.poll(() => selectionOf(page)).toBe('clavier');

    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => focusedName(page)).toBe('Style du paragraphe');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => focusedName(page)).toBe('Gras');
    await page.keyboard.press('Enter');
    await expect.poll(() => editor.locator('strong').textContent()).toBe('clavier');
    await expect.poll(() => toolbar.getByRole('button', { name: 'Gras' }).getAttribute('aria-pressed')).toBe('true');
    // Pressed from the keyboard, the button keeps the focus for the next one.
    expect(await focusedName(page)).toBe('Gras');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => focusedName(page)).toBe('Italique');
    await page.keyboard.press('Space');
    await expect.poll(() => editor.locator('em').textContent()).toBe('clavier');

    await page.keyboard.press('End');
    await expect.poll(() => focusedName(page)).toBe('Rétablir');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => focusedName(page)).toBe('Style du paragraphe');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => focusedName(page)).toBe('Rétablir');
    await page.keyboard.press('Home');
    await expect.poll(() => focusedName(page)).toBe('Style du paragraphe');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedName(page)).toBe('editor');
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => focusedName(page)).toBe('Gras');
    await page.keyboard.press('Escape');
    await expect.poll(() => focusedName(page)).toBe('editor');
    await page.keyboard.press('Alt+F10');
    await expect.poll(() => focusedName(page)).toBe('Gras');
    await page.keyboard.press('Escape');
    await expect.poll(() => selectionOf(page)).toBe('clavier');

    for (const [keys, tag] of [
      ['Control+U', 'u'],
      ['Control+Shift+S', 's'],
      ['Control+Shift+H', 'mark'],
    ] as const) {
      await page.keyboard.press(keys);
      await expect.poll(() => editor.locator(tag).textContent()).toBe('clavier');
    }
    await page.keyboard.press('Control+B');
    await expect.poll(() => editor.locator('strong').count()).toBe(0);
    for (const [keys, selector] of [
      ['Control+Shift+Digit8', 'ul > li'],
      ['Control+Shift+Digit7', 'ol > li'],
      ['Control+Shift+Digit9', 'ul[data-type="taskList"] > li'],
      ['Control+Shift+B', 'blockquote > p'],
    ] as const) {
      await page.keyboard.press(keys);
      await expect.poll(() => editor.locator(selector).count()).toBe(1);
      await page.keyboard.press(keys);
      await expect.poll(() => editor.locator(selector).count()).toBe(0);
    }

    const describe = (name: string) =>
      toolbar
        .getByRole('button', { name, exact: true })
        .evaluate((button) => [button.getAttribute('aria-keyshortcuts'), button.getAttribute('title')]);
    expect(await describe('Gras')).toEqual(['Control+B', 'Gras (Ctrl+B)']);
    expect(await describe('Barré')).toEqual(['Control+Shift+S', 'Barré (Ctrl+Maj+S)']);
    expect(await describe('Liste numérotée')).toEqual(['Control+Shift+7', 'Liste numérotée (Ctrl+Maj+7)']);
    expect(await describe('Lien')).toEqual(['Control+K', 'Lien (Ctrl+K)']);
    expect(await describe('Saut de page')).toEqual(['Control+Enter', 'Saut de page (Ctrl+Entrée)']);
    expect(await describe('Rétablir')).toEqual(['Control+Shift+Z Control+Y', 'Rétablir (Ctrl+Maj+Z)']);
    const unnamed = await page
      .locator('.editor-toolbars button')
      .evaluateAll((buttons) => buttons.filter((button) => !button.getAttribute('aria-label')).length);
    expect(unnamed).toBe(0);
  });
});

describe('pasting', () => {
  it('keeps nothing that runs, loads or styles from a hostile paste, in the page or the shared document', async () => {
    const { page, noteId } = await openNewNote('Collage piégé');
    const dialogs: string[] = [];
    const requests: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.context().on('request', (request) => requests.push(request.url()));
    await typeText(page, 'Avant le collage.');
    await paste(
      page,
      [
        '<meta http-equiv="refresh" content="0;url=https://evil.example/refresh">',
        '<style>body { display: none } .tiptap { background: url(https://evil.example/style.png) }</style>',
        '<link rel="stylesheet" href="https://evil.example/sheet.css">',
        '<script>window.__pwned = "script"</script>',
        '<p>Un <img src="https://evil.example/pixel.png" onerror="window.__pwned = \'img\'">pixel',
        '<img src=x onerror="window.__pwned = \'onerror\'; alert(1)"> et des liens :',
        '<a href="javascript:window.__pwned = \'javascript\'">lien javascript</a>,',
        '<a href="JaVaScRiPt:alert(1)">lien casse mêlée</a>,',
        '<a href=" java&#x09;script:alert(1)">lien tabulé</a>,',
        '<a href="data:text/html,<script>alert(1)</script>">lien data</a>,',
        '<a href="vbscript:msgbox(1)">lien vbscript</a>,',
        '<a href="https://www.insee.fr/" onclick="window.__pwned = \'onclick\'" style="color: red">lien sûr</a>.</p>',
        '<iframe srcdoc="<script>parent.__pwned = \'iframe\'</script>" src="https://evil.example/frame"></iframe>',
        '<object data="https://evil.example/object.swf"></object><embed src="https://evil.example/embed.swf">',
        '<svg onload="window.__pwned = \'svg\'"><a href="javascript:alert(1)"><text>svg</text></a></svg>',
        '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">math</maction></math>',
        '<div onclick="window.__pwned = \'div\'" style="position: fixed; inset: 0">cliquez ici</div>',
        '<p style="background: url(https://evil.example/bg.png); font-weight: bold" class="MsoNormal" id="x">gras stylé</p>',
        '<form action="https://evil.example/form"><input name="q" value="x" autofocus onfocus="window.__pwned = \'input\'">',
        '<button formaction="javascript:alert(1)">Envoyer</button></form>',
        '<p>fin du collage</p>',
      ].join(''),
    );
    const editor = page.locator('.tiptap');
    await expect.poll(() => editor.textContent()).toContain('fin du collage');
    await editor.getByText('cliquez ici').click();
    await editor.getByText('lien sûr').click();

    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(requests.filter((url) => url.includes(EVIL))).toEqual([]);
    const structure = await structureOf(page);
    expect(structure.links).toEqual(['lien sûr→https://www.insee.fr/']);
    expect(structure.bold).toEqual(['gras stylé']);
    expect(structure.foreign).toEqual([]);
    expect(structure.styled).toEqual([]);
    expect(EDITOR_CLASSES).toEqual(expect.arrayContaining(structure.classes));
    expect(structure.text).toContain('lien javascript');
    expect(structure.text).not.toContain('window.__pwned');
    const handlers = await editor.evaluate((root) =>
      [...root.querySelectorAll('*')].flatMap((element) =>
        element.getAttributeNames().filter((name) => name.startsWith('on')),
      ),
    );
    expect(handlers).toEqual([]);

    const shared = await sharedDocument(noteId);
    await expect.poll(() => xmlOf(shared)).toContain('fin du collage');
    const content = sharedContentOf(shared);
    const schema = await schemaNamesOf(page);
    expect(schema.nodes).toEqual(expect.arrayContaining(content.nodes));
    expect(schema.marks).toEqual(expect.arrayContaining(content.marks));
    expect(content.hrefs).toEqual(['https://www.insee.fr/']);
  });

  const fixture = (name: string) => readFile(new URL(name, FIXTURES), 'utf8');

  it('keeps the headings, lists, table, formats and links of a Word document, and its page break', async () => {
    const { page, noteId } = await openNewNote('Collé depuis Word');
    await paste(page, await fixture('word.html'));
    await expect.poll(() => page.locator('.tiptap').textContent()).toContain('Annexe : sources');
    const structure = await structureOf(page);
    expect(structure.headings).toEqual(['h1:Logement : encadrer les loyers', 'h2:Constat', 'h2:Propositions']);
    expect(structure.bold).toEqual(['encadrement des loyers', 'rapport de 2023', 'Mesure', 'Coût annuel (M€)']);
    expect(structure.italic).toEqual(['zones tendues', 'rapport de 2023']);
    expect(structure.underline).toEqual(['vacants']);
    expect(structure.strike).toEqual(['100 000']);
    expect(structure.links).toEqual(['l’Insee→https://www.insee.fr/fr/statistiques/2586377']);
    expect(structure.lists).toEqual([
      {
        tag: 'ul',
        items: [
          {
            text: 'Les loyers augmentent plus vite que les revenus',
            lists: [{ tag: 'ul', items: [{ text: 'Paris et Lyon en tête', lists: [] }] }],
          },
          { text: 'Trois millions de logements vacants', lists: [] },
        ],
      },
      {
        tag: 'ol',
        items: [
          { text: 'Encadrer les loyers dans les zones tendues', lists: [] },
          { text: 'Taxer les logements vacants', lists: [] },
          { text: 'Construire 100 000 150 000 logements sociaux', lists: [] },
        ],
      },
    ]);
    expect(structure.tables).toEqual([
      [
        ['th:Mesure', 'th@right:Coût annuel (M€)'],
        ['td:Encadrement', 'td@right:12'],
        ['td:Taxe sur les logements vacants', 'td@right:-340'],
      ],
    ]);
    expect(structure.pageBreaks).toBe(1);
    expect(structure.paragraphs).toContain('Annexe : sources');
    expect(structure.text).not.toMatch(/[·§]|mso-|Times New Roman/);
    expect(structure).toMatchObject({ styled: [], foreign: [] });
    expect(EDITOR_CLASSES).toEqual(expect.arrayContaining(structure.classes));

    const shared = await sharedDocument(noteId);
    await expect.poll(() => xmlOf(shared)).toContain('Annexe : sources');
    const xml = xmlOf(shared);
    expect(xml).toContain('<heading level="1">Logement : encadrer les loyers</heading>');
    expect(xml).toMatch(/<bulletlist><listitem><paragraph>Les loyers[^<]*<\/paragraph><bulletlist><listitem>/);
    expect(xml).toContain('<tableheader align="right"');
    expect(xml).toContain('<pagebreak></pagebreak>');
  });

  it('keeps the headings, nested lists, table, formats and links of a Google Docs copy, not its wrapper', async () => {
    const { page } = await openNewNote('Collé depuis Google Docs');
    await paste(page, await fixture('google-docs.html'));
    await expect.poll(() => page.locator('.tiptap table').count()).toBe(1);
    const structure = await structureOf(page);
    expect(structure.headings).toEqual(['h1:Transition écologique', 'h2:Mesures']);
    expect(structure.bold).toEqual(['rénovation thermique', 'Mesure', 'Coût']);
    expect(structure.italic).toEqual(['passoires énergétiques']);
    // Google Docs underlines the text of its links too; the link says it already.
    expect(structure.underline).toEqual([]);
    expect(structure.links).toEqual(['ministère→https://www.ecologie.gouv.fr/renovation-energetique']);
    expect(structure.lists).toEqual([
      {
        tag: 'ul',
        items: [
          {
            text: 'Isolation des combles',
            lists: [{ tag: 'ul', items: [{ text: 'Aide de l’État jusqu’à 90 %', lists: [] }] }],
          },
          { text: 'Pompes à chaleur', lists: [] },
        ],
      },
      {
        tag: 'ol',
        items: [
          { text: 'Diagnostic obligatoire', lists: [] },
          { text: 'Travaux financés', lists: [] },
        ],
      },
    ]);
    expect(structure.tables).toEqual([
      [
        ['td:Mesure', 'td@right:Coût'],
        ['td:Isolation', 'td@right:2 Md€'],
      ],
    ]);
    expect(structure).toMatchObject({ styled: [], foreign: [], pageBreaks: 0 });
    expect(EDITOR_CLASSES).toEqual(expect.arrayContaining(structure.classes));
  });

  it('keeps the headings, lists, table with its header row, formats and links of a LibreOffice copy', async () => {
    const { page } = await openNewNote('Collé depuis LibreOffice');
    await paste(page, await fixture('libreoffice.html'));
    await expect.poll(() => page.locator('.tiptap').textContent()).toContain('Annexe : méthode');
    const structure = await structureOf(page);
    expect(structure.headings).toEqual(['h1:Santé : déserts médicaux', 'h2:Propositions']);
    expect(structure.bold).toEqual(['quart']);
    expect(structure.italic).toEqual(['désert médical']);
    expect(structure.links).toEqual(['Drees→https://drees.solidarites-sante.gouv.fr/publications']);
    expect(structure.lists).toEqual([
      {
        tag: 'ol',
        items: [
          { text: 'Former plus de médecins', lists: [] },
          {
            text: 'Ouvrir des centres de santé',
            lists: [{ tag: 'ol[a]', items: [{ text: 'dans les zones rurales', lists: [] }] }],
          },
        ],
      },
      {
        tag: 'ul',
        items: [
          { text: 'Téléconsultation encadrée', lists: [] },
          { text: 'Stages en zone sous-dotée', lists: [] },
        ],
      },
    ]);
    expect(structure.tables).toEqual([
      [
        ['th@center:Région', 'th@center:Médecins pour 100 000 habitants'],
        ['td:Centre-Val de Loire', 'td@right:76'],
      ],
    ]);
    expect(structure.pageBreaks).toBe(1);
    expect(structure.text).not.toContain('Liberation Serif');
    expect(structure).toMatchObject({ styled: [], foreign: [] });
    expect(EDITOR_CLASSES).toEqual(expect.arrayContaining(structure.classes));
  });

  it('keeps the article of a web page and drops its images, form, classes and styles', async () => {
    const { page } = await openNewNote('Collé depuis le web');
    await paste(page, await fixture('web-page.html'));
    await expect.poll(() => page.locator('.tiptap table').count()).toBe(1);
    const structure = await structureOf(page);
    expect(structure.headings).toEqual(['h1:Le budget 2025 en chiffres', 'h2:Les grandes masses', 'h3:Calendrier']);
    expect(structure.bold).toEqual(['60 milliards', '492 Md€', 'Crédits par mission (Md€)']);
    expect(structure.italic).toEqual(['importante']);
    expect(structure.links).toEqual([
      'Accueil→https://www.exemple.gouv.fr/',
      'Actualités→https://www.exemple.gouv.fr/actualites',
      'dossier de presse→https://www.budget.gouv.fr/documentation/file-download/24263',
    ]);
    expect(structure.lists).toEqual([
      {
        tag: 'ul',
        items: [
          { text: 'Accueil', lists: [] },
          { text: 'Actualités', lists: [] },
        ],
      },
      {
        tag: 'ul',
        items: [
          {
            text: 'Dépenses de l’État : 492 Md€',
            lists: [{ tag: 'ul', items: [{ text: 'dont charge de la dette : 55 Md€', lists: [] }] }],
          },
          { text: 'Recettes fiscales : 326 Md€', lists: [] },
        ],
      },
      {
        tag: 'ol',
        items: [
          { text: 'Présentation en Conseil des ministres', lists: [] },
          { text: 'Examen à l’Assemblée', lists: [] },
        ],
      },
    ]);
    expect(structure.tables).toEqual([
      [
        ['th@left:Mission', 'th@right:2025'],
        ['td:Enseignement scolaire', 'td@right:64,5'],
        ['td:Défense', 'td@right:50,5'],
      ],
    ]);
    expect(structure.paragraphs).toContain('Crédits par mission (Md€)');
    expect(structure.text).not.toContain('S’abonner');
    expect(structure).toMatchObject({ styled: [], foreign: [], pageBreaks: 0 });
    expect(EDITOR_CLASSES).toEqual(expect.arrayContaining(structure.classes));
  });
});

describe('links', () => {
  it('makes a link of a typed Markdown link or address only when it is safe', async () => {
    const { page, noteId } = await openNewNote('Liens tapés');
    const refused = ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,x', 'plume-inconnu:x'];
    for (const href of refused) await typeText(page, `[texte](${href})\n`);
    await typeText(page, '[la note INSEE](https://www.insee.fr/fr/statistiques) et la suite\n');
    await typeText(page, 'Source : https://www.insee.fr/fr/accueil fin');
    const editor = page.locator('.tiptap');
    await expect.poll(() => editor.locator('a').count()).toBe(2);
    const structure = await structureOf(page);
    expect(structure.paragraphs.slice(0, refused.length)).toEqual(refused.map((href) => `[texte](${href})`));
    expect(structure.links).toEqual([
      'la note INSEE→https://www.insee.fr/fr/statistiques',
      'https://www.insee.fr/fr/accueil→https://www.insee.fr/fr/accueil',
    ]);
    expect(structure.paragraphs).toContain('la note INSEE et la suite');

    const shared = await sharedDocument(noteId);
    await expect
      .poll(() => sharedContentOf(shared).hrefs)
      .toEqual(['https://www.insee.fr/fr/statistiques', 'https://www.insee.fr/fr/accueil']);
  });

  it('adds, opens and removes links through the link dialog, refusing unsafe addresses', async () => {
    const { page, noteId } = await openNewNote('Liens du dialogue');
    const context = page.context();
    await context.route('https://insee.fr/**', (route) => route.fulfill({ contentType: 'text/plain', body: 'INSEE' }));
    const editor = page.locator('.tiptap');
    await typeText(page, 'Voir la note de synthèse');
    await selectBlock(page, 'Voir la note de synthèse');
    await page.keyboard.press('Control+K');
    const dialog = page.getByRole('dialog', { name: 'Insérer un lien' });
    const address = dialog.getByLabel('Adresse du lien');
    await expect.poll(() => address.evaluate((input) => input === document.activeElement)).toBe(true);
    expect(await dialog.getByLabel('Texte').count()).toBe(0);
    for (const typed of ['javascript:alert(1)', 'tel:+33123456789']) {
      await address.fill(typed);
      await dialog.getByRole('button', { name: 'Appliquer' }).click();
      await expect
        .poll(() => dialog.getByRole('alert').textContent())
        .toBe('Seuls les liens http, https et mailto sont acceptés.');
      expect(await address.getAttribute('aria-invalid')).toBe('true');
    }
    await screenshot(page, 'editor-link-refused');
    await address.fill('insee.fr');
    await dialog.getByRole('button', { name: 'Appliquer' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => editor.locator('a').getAttribute('href')).toBe('https://insee.fr');
    expect(await editor.locator('a').textContent()).toBe('Voir la note de synthèse');

    // A plain click only puts the caret in the link; Ctrl+click opens it, without a way back to the note.
    await editor.locator('a').click();
    await expect.poll(() => selectionOf(page)).toBe('Voir la note de synthèse');
    const opened = context.waitForEvent('page');
    await editor.locator('a').click({ modifiers: ['Control'] });
    const popup = await opened;
    await expect.poll(() => popup.url()).toBe('https://insee.fr/');
    expect(await popup.evaluate(() => window.opener)).toBeNull();
    expect(context.pages()).toHaveLength(2);
    await popup.close();

    await page.getByRole('toolbar', { name: 'Mise en forme' }).getByRole('button', { name: 'Lien' }).click();
    const editing = page.getByRole('dialog', { name: 'Modifier le lien' });
    expect(await editing.getByLabel('Adresse du lien').inputValue()).toBe('https://insee.fr');
    const open = editing.getByRole('link', { name: 'Ouvrir le lien' });
    expect(await open.evaluate((link) => ['href', 'target', 'rel'].map((name) => link.getAttribute(name)))).toEqual([
      'https://insee.fr',
      '_blank',
      'noopener noreferrer',
    ]);
    await screenshot(page, 'editor-link-dialog');
    await editing.getByRole('button', { name: 'Retirer le lien' }).click();
    await expect.poll(() => editor.locator('a').count()).toBe(0);

    await pressEnd(page, 'Voir la note de synthèse');
    await typeText(page, ', ');
    await page.keyboard.press('Control+K');
    const inserting = page.getByRole('dialog', { name: 'Insérer un lien' });
    await inserting.getByLabel('Adresse du lien').fill('presse@exemple.fr');
    await inserting.getByLabel('Texte').fill('écrire à la presse');
    await inserting.getByRole('button', { name: 'Appliquer' }).click();
    await expect.poll(() => editor.locator('a').getAttribute('href')).toBe('mailto:presse@exemple.fr');
    await typeText(page, ' demain');
    await expect
      .poll(() => editor.locator('p').textContent())
      .toBe('Voir la note de synthèse, écrire à la presse demain');
    expect(await editor.locator('a').textContent()).toBe('écrire à la presse');

    const shared = await sharedDocument(noteId);
    await expect.poll(() => sharedContentOf(shared).hrefs).toEqual(['mailto:presse@exemple.fr']);
  });
});

describe('checklists, page breaks and readers', () => {
  it('ticks a checklist item when its box is clicked, and strikes it out', async () => {
    const { page, noteId } = await openNewNote('Avant l’envoi');
    await typeText(page, '[ ] Relire le chiffrage\nEnvoyer au candidat');
    const items = page.locator('.tiptap ul[data-type="taskList"] > li');
    await expect.poll(() => items.count()).toBe(2);
    const box = items.first().getByRole('checkbox');
    expect(await box.getAttribute('aria-label')).toBe('Tâche : Relire le chiffrage');
    await box.click();
    await expect.poll(() => items.first().getAttribute('data-checked')).toBe('true');
    expect(await items.last().getAttribute('data-checked')).toBe('false');
    const decoration = await items
      .first()
      .locator('p')
      .evaluate((paragraph) => getComputedStyle(paragraph).textDecorationLine);
    expect(decoration).toBe('line-through');

    const shared = await sharedDocument(noteId);
    await expect
      .poll(() => xmlOf(shared))
      .toContain('<taskitem checked="true"><paragraph>Relire le chiffrage</paragraph>');
    expect(xmlOf(shared)).toContain('<taskitem checked="false"><paragraph>Envoyer au candidat</paragraph>');
  });

  it('inserts a page break, labelled in French, with Ctrl+Enter', async () => {
    const { page, noteId } = await openNewNote('Deux pages');
    await typeText(page, 'Première page');
    await page.keyboard.press('Control+Enter');
    const pageBreak = page.locator('.tiptap .page-break');
    await expect.poll(() => pageBreak.count()).toBe(1);
    expect(await pageBreak.evaluate((element) => getComputedStyle(element, '::after').content)).toBe('"Saut de page"');
    const shared = await sharedDocument(noteId);
    await expect.poll(() => xmlOf(shared)).toContain('<paragraph>Première page</paragraph><pagebreak></pagebreak>');
  });

  it('shows no toolbar to a reader, who opens links with a plain click', async () => {
    const noteId = await createTestNote(server, 'Lecture seule');
    const reader = await createTestAccount(server, { email: 'lecteur@plume.test', name: 'Lecteur' });
    await addTestMember(server, noteId, reader.email, 'viewer');
    const writer = await openNote(noteId, await newContext(DESKTOP));
    await writer.locator('.tiptap').click();
    await typeText(writer, '[Le rapport](https://insee.fr/rapport) ');

    const context = await newContext(DESKTOP);
    await context.route('https://insee.fr/**', (route) => route.fulfill({ contentType: 'text/plain', body: 'INSEE' }));
    await addSessionCookie(context, server.url, reader.cookie);
    const page = await context.newPage();
    await page.goto(`${server.url}/notes/${noteId}`);
    await expect.poll(() => page.locator('.tiptap a').count()).toBe(1);
    expect(await page.locator('.tiptap').getAttribute('contenteditable')).toBe('false');
    expect(await page.getByRole('toolbar').count()).toBe(0);
    const opened = context.waitForEvent('page');
    await page.locator('.tiptap a').click();
    const popup = await opened;
    await expect.poll(() => popup.url()).toBe('https://insee.fr/rapport');
  });
});

describe('keys pressed right after the caret moves', () => {
  it('splits the paragraph where a key moved the caret, even before Chromium has reported the move', async () => {
    const { page, noteId } = await openNewNote('Touches rapides');
    await typeText(page, 'Logement social.');
    await expect.poll(() => page.locator('.tiptap p').first().textContent()).toBe('Logement social.');
    // End, its move of the caret, and Enter in one task, before Chromium's selectionchange event:
    // the order in which a busy page handles End then Enter pressed in quick succession.
    await page.locator('.tiptap').evaluate((editor) => {
      const text = editor.querySelector('p')?.firstChild;
      if (!text) throw new Error('no text to put the caret in');
      const press = (key: string) =>
        editor.dispatchEvent(new KeyboardEvent('keydown', { key, code: key, bubbles: true, cancelable: true }));
      press('End');
      document.getSelection()?.collapse(text, 'Logement'.length);
      press('Enter');
    });
    await expect.poll(() => page.locator('.tiptap p').allTextContents()).toEqual(['Logement', ' social.']);
    const shared = await sharedDocument(noteId);
    await expect.poll(() => xmlOf(shared)).toBe('<paragraph>Logement</paragraph><paragraph> social.</paragraph>');
  });
});

describe('the editor on a phone and on a desktop', () => {
  const NOTE = [
    '<h1>Assurance chômage</h1>',
    '<p>La réforme de 2023 a <mark>réduit la durée d’indemnisation</mark> de 25 % pour les nouveaux entrants.</p>',
    '<ul data-type="taskList"><li data-type="taskItem" data-checked="true"><p>Relire le chiffrage</p></li>',
    '<li data-type="taskItem" data-checked="false"><p>Valider avec l’équipe programme</p></li></ul>',
    '<table><tr><th>Mesure</th><th>Coût</th><th>Calendrier</th></tr>',
    '<tr><td>Retour à 24 mois d’indemnisation</td><td>3 Md€</td><td>2026</td></tr>',
    '<tr><td>Bonus-malus étendu</td><td>-1 Md€</td><td>2027</td></tr></table>',
    '<blockquote><p>« Le travail doit payer. »</p></blockquote>',
    '<div data-page-break=""></div>',
    '<h2>Annexe</h2><p>Sources : Unédic, Dares, <a href="https://www.unedic.org/">rapport annuel</a>.</p>',
  ].join('');
  let noteId: string;

  it('keeps a phone’s toolbar in one row that scrolls inside itself, with large buttons, on top while the note scrolls', async () => {
    const opened = await openNewNote('Assurance chômage');
    noteId = opened.noteId;
    await paste(opened.page, NOTE);
    await expect.poll(() => opened.page.locator('.tiptap .page-break').count()).toBe(1);
    await opened.page.context().close();

    const page = await openNote(noteId, await newContext(PHONE, true));
    await page.locator('.tiptap td').first().tap();
    const bar = page.locator('.editor-toolbars');
    const toolbar = page.getByRole('toolbar', { name: 'Mise en forme' });
    await expect.poll(() => page.getByRole('toolbar', { name: 'Tableau' }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    const sizes = await toolbar.evaluate((element) => ({
      scrollWidth: element.scrollWidth,
      clientWidth: element.clientWidth,
      rows: new Set([...element.querySelectorAll('button')].map((button) => button.getBoundingClientRect().top)).size,
      smallest: Math.min(
        ...[...element.querySelectorAll('button')].flatMap((button) => {
          const box = button.getBoundingClientRect();
          return [box.width, box.height];
        }),
      ),
    }));
    expect(sizes.scrollWidth).toBeGreaterThan(sizes.clientWidth);
    expect(sizes.rows).toBe(1);
    expect(sizes.smallest).toBeGreaterThanOrEqual(40);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'editor-phone');

    await page.evaluate(() => {
      const note = document.querySelector('.editor-page');
      if (note) window.scrollTo(0, note.getBoundingClientRect().top + window.scrollY + 300);
    });
    await expect.poll(() => bar.evaluate((element) => element.getBoundingClientRect().top)).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  });

  it('shows the same note with its toolbar on a desktop', async () => {
    const page = await openNote(noteId, await newContext(DESKTOP));
    await page.locator('.tiptap td').first().click();
    await expect.poll(() => page.getByRole('toolbar', { name: 'Tableau' }).isVisible()).toBe(true);
    await screenshot(page, 'editor-desktop');
  });

  it('reports no Content-Security-Policy violation on any page', () => {
    expect(violations.flat()).toEqual([]);
  });
});
