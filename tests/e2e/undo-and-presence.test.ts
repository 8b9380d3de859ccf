import { readingMinutes } from '@plume/protocol';
import {
  addTestMember,
  connectTestClient,
  createTestAccount,
  createTestNote,
  startTestServer,
  type TestServer,
} from '@plume/server/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as Y from 'yjs';
import {
  addSessionCookie,
  DESKTOP,
  keepScreenshot,
  PHONE,
  paragraphsOf,
  placeCaretAtEnd,
  useChromiumPages,
} from './browser.ts';

const { newPage, violations } = useChromiumPages();
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ webRoot: inject('webRoot') });
});
afterAll(async () => {
  await server?.dispose();
  expect(violations()).toEqual([]);
});

/** Creates a signed-in account and makes it an editor of the note; returns its session cookie. */
async function newEditor(noteId: string, name: string): Promise<string> {
  const first = (name.split(' ')[0] ?? name).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const email = `${first}-${noteId.slice(0, 6)}@plume.test`;
  const account = await createTestAccount(server, { email, name });
  await addTestMember(server, noteId, email, 'editor');
  return account.cookie;
}

/** Opens a note with a session cookie in a fresh browser profile; resolves once it is saved. */
async function openNote(noteId: string, cookie: string, viewport = DESKTOP): Promise<Page> {
  const page = await newPage(viewport);
  await addSessionCookie(page.context(), server.url, cookie);
  await page.goto(`${server.url}/notes/${noteId}`);
  await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Enregistré');
  return page;
}

/** A paragraph as the editor stores it in the note's document. */
function paragraphOf(text: string): Y.XmlElement {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  return paragraph;
}

/** `count` paragraphs, numbered from 1. */
function paragraphs(count: number, text: (index: number) => string): Y.XmlElement[] {
  return Array.from({ length: count }, (_, index) => paragraphOf(text(index + 1)));
}

/** Writes paragraphs into a note through a real y-websocket client, as another browser would. */
async function seedNote(noteId: string, texts: readonly string[]): Promise<void> {
  const client = connectTestClient(server.wsUrl, noteId, { cookie: server.admin.cookie });
  try {
    await client.synced();
    // 'default' is the field of the document where the editor schema keeps a note's content.
    client.doc.getXmlFragment('default').insert(
      0,
      texts.map((text) => paragraphOf(text)),
    );
  } finally {
    client.destroy();
  }
}

/** The caret of a page's editor: its position, the end of the note's last paragraph, and whether it is on screen. */
function caretOf(page: Page): Promise<{ head: number; endOfNote: number; onScreen: boolean }> {
  return page.locator('.tiptap').evaluate((element) => {
    type View = { coordsAtPos(position: number): { top: number; bottom: number } };
    type State = { selection: { head: number }; doc: { content: { size: number } } };
    const { state, view } = (element as unknown as { editor: { state: State; view: View } }).editor;
    const { top, bottom } = view.coordsAtPos(state.selection.head);
    return {
      head: state.selection.head,
      endOfNote: state.doc.content.size - 1,
      onScreen: top >= 0 && bottom <= window.innerHeight,
    };
  });
}

/** Scrolls back to the top: Chromium paints a full-page screenshot of a scrolled page blank. */
function scrollToTop(page: Page): Promise<void> {
  return page.evaluate(() => window.scrollTo(0, 0));
}

/** Whether an element's top is on the screen. */
async function isOnScreen(page: Page, selector: string, text: string): Promise<boolean> {
  const box = await page.locator(selector, { hasText: text }).boundingBox();
  return box !== null && box.y >= 0 && box.y < (page.viewportSize()?.height ?? 0);
}

describe('undo in a paragraph two people write in', () => {
  it('takes back only one’s own typing, on both pages, and redo brings it back', async () => {
    const id = await createTestNote(server, 'Transports — gratuité');
    await seedNote(id, ['Gratuité des transports :']);
    const alice = await openNote(id, await newEditor(id, 'Alice Martin'));
    const bruno = await openNote(id, await newEditor(id, 'Bruno Petit'));

    await placeCaretAtEnd(alice);
    await alice.keyboard.type(' Alice propose un essai.');
    await expect.poll(() => paragraphsOf(bruno)).toEqual(['Gratuité des transports : Alice propose un essai.']);
    await placeCaretAtEnd(bruno);
    await bruno.keyboard.type(' Bruno chiffre le coût.');
    const both = ['Gratuité des transports : Alice propose un essai. Bruno chiffre le coût.'];
    await expect.poll(() => paragraphsOf(alice)).toEqual(both);

    await alice.keyboard.press('Control+z');
    for (const page of [alice, bruno]) {
      await expect.poll(() => paragraphsOf(page)).toEqual(['Gratuité des transports : Bruno chiffre le coût.']);
    }
    await alice.keyboard.press('Control+Shift+z');
    for (const page of [alice, bruno]) await expect.poll(() => paragraphsOf(page)).toEqual(both);
    await expect.poll(() => alice.getByRole('status').first().textContent()).toBe('Enregistré');
  });
});

describe('typing far from where the note was opened', () => {
  // The note's blocks out of sight are not drawn (content-visibility in styles.css): each jump
  // must still put the keys where the caret went, on screen.
  it('writes at the end, at the start and a few pages up, each where the caret is', async () => {
    const id = await createTestNote(server, 'Santé — programme complet');
    const sentence = 'Le budget de la santé augmente chaque année de trois pour cent. ';
    await seedNote(
      id,
      Array.from({ length: 120 }, (_, index) => `Paragraphe ${index + 1}. ${sentence.repeat(5)}`.trim()),
    );
    const page = await openNote(id, await newEditor(id, 'Alice Martin'));
    await page.locator('.tiptap p').first().click();

    await page.keyboard.press('Control+End');
    await expect.poll(() => caretOf(page).then(({ onScreen }) => onScreen)).toBe(true);
    await page.keyboard.type(' Fin.');
    await page.keyboard.press('PageUp');
    await page.keyboard.press('PageUp');
    await page.keyboard.type('[ici]');
    await page.keyboard.press('Control+Home');
    await expect.poll(() => caretOf(page)).toMatchObject({ head: 1, onScreen: true });
    await page.keyboard.type('Début. ');

    await expect.poll(() => paragraphsOf(page).then((paragraphs) => paragraphs.at(-1)?.endsWith(' Fin.'))).toBe(true);
    const paragraphs = await paragraphsOf(page);
    expect(paragraphs[0]?.startsWith('Début. Paragraphe 1.')).toBe(true);
    expect(paragraphs.filter((text) => text.includes('[ici]'))).toHaveLength(1);
    // Two pages up from the end, not at the start nor the end of the note.
    const marked = paragraphs.findIndex((text) => text.includes('[ici]'));
    expect(marked).toBeGreaterThan(60);
    expect(marked).toBeLessThan(119);
    await page.locator('.tiptap p', { hasText: '[ici]' }).scrollIntoViewIfNeeded();
    await keepScreenshot(page, 'long-note-desktop');
  });
});

describe('the presence list', () => {
  it('takes a person to where a co-author writes, far down a long note', async () => {
    const id = await createTestNote(server, 'Économie — plan de relance');
    await seedNote(
      id,
      Array.from({ length: 60 }, (_, index) => `Paragraphe ${index + 1} du plan de relance.`),
    );
    const alice = await openNote(id, await newEditor(id, 'Alice Martin'));
    const bruno = await openNote(id, await newEditor(id, 'Bruno Petit'));

    // Through the editor, not Control+End: the caret must land at the very end of the note.
    await bruno.locator('.tiptap').evaluate((element) => {
      (element as unknown as { editor: { commands: { focus(where: string): void } } }).editor.commands.focus('end');
    });
    await expect
      .poll(() => caretOf(bruno).then(({ head, endOfNote, onScreen }) => head === endOfNote && onScreen))
      .toBe(true);
    await bruno.keyboard.type(' Bruno écrit ici.');
    await expect
      .poll(() => paragraphsOf(alice).then((paragraphs) => paragraphs.at(-1)))
      .toBe('Paragraphe 60 du plan de relance. Bruno écrit ici.');
    await alice.keyboard.press('Control+Home');
    await expect.poll(() => caretOf(alice)).toMatchObject({ head: 1, onScreen: true });
    expect(await isOnScreen(alice, '.tiptap p', 'Paragraphe 60')).toBe(false);

    // Bruno's caret is at the end of the note, where he typed.
    const { endOfNote } = await caretOf(alice);
    await alice.getByRole('button', { name: 'Bruno Petit' }).click();
    await expect.poll(() => caretOf(alice)).toMatchObject({ head: endOfNote, onScreen: true });
    expect(await isOnScreen(alice, '.tiptap p', 'Paragraphe 60')).toBe(true);
    await scrollToTop(alice);
    await keepScreenshot(alice, 'presence-jump-desktop');

    // Out of the editor, Bruno has no caret in the note: the list says so rather than moving Alice.
    await bruno.getByRole('heading', { name: 'À propos de cette note' }).click();
    await alice.keyboard.press('Control+Home');
    // Chromium reports the caret's jump a moment after the key; a click sooner would leave the
    // editor before it heard of it.
    await expect.poll(() => caretOf(alice)).toMatchObject({ head: 1, onScreen: true });
    await alice.getByRole('button', { name: 'Bruno Petit' }).click();
    await expect
      .poll(() => alice.locator('.presence-hint').textContent())
      .toBe('Bruno Petit n’a pas de curseur dans la note pour l’instant.');
    expect((await caretOf(alice)).head).toBe(1);
    await keepScreenshot(alice, 'presence-hint-desktop');
    await alice.locator('.tiptap p').first().click();
    await expect.poll(() => alice.locator('.presence-hint').textContent()).toBe('');

    const onPhone = await openNote(id, await newEditor(id, 'Chloé Roux'), PHONE);
    await expect.poll(() => onPhone.locator('.presence .person').count()).toBe(3);
    await expect.poll(() => onPhone.getByText('≈ 2 min de lecture · 363 mots').count()).toBe(1);
    await keepScreenshot(onPhone, 'presence-phone');
  });
  it('finds a co-author after they moved blocks, as a drag and drop does', async () => {
    const id = await createTestNote(server, 'Santé — déserts médicaux');
    await seedNote(
      id,
      Array.from({ length: 20 }, (_, index) => `Bloc ${index + 1}.`),
    );
    const alice = await openNote(id, await newEditor(id, 'Alice Martin'));
    await expect.poll(() => paragraphsOf(alice).then((texts) => texts.length)).toBe(20);
    // A client of her own, as her browser would be: the server names her after her account.
    const denise = connectTestClient(server.wsUrl, id, { cookie: await newEditor(id, 'Denise Moreau') });
    try {
      await denise.synced();
      denise.provider.awareness.setLocalStateField('user', { name: 'Denise', color: '#1d4ed8' });
      // The first five blocks go to the end: deleted, then inserted anew, in one transaction.
      const fragment = denise.doc.getXmlFragment('default');
      denise.doc.transact(() => {
        const moved = fragment.slice(0, 5).map((block) => paragraphOf(block.toString().replace(/<[^>]+>/g, '')));
        fragment.delete(0, 5);
        fragment.insert(fragment.length, moved);
      });
      // Her caret after "Bloc" in what was the third block, now the eighteenth.
      const text = (fragment.get(17) as Y.XmlElement).get(0) as Y.XmlText;
      expect(text.toString()).toBe('Bloc 3.');
      const at = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, 4));
      denise.provider.awareness.setLocalStateField('cursor', { anchor: at, head: at });
      await expect
        .poll(() => paragraphsOf(alice).then((texts) => texts.slice(-5)))
        .toEqual(['Bloc 1.', 'Bloc 2.', 'Bloc 3.', 'Bloc 4.', 'Bloc 5.']);

      await alice.getByRole('button', { name: 'Denise Moreau' }).click();
      await expect
        .poll(() =>
          alice.locator('.tiptap').evaluate((element) => {
            type Head = { parent: { textContent: string }; parentOffset: number };
            const { $head } = (element as unknown as { editor: { state: { selection: { $head: Head } } } }).editor.state
              .selection;
            return `${$head.parent.textContent}|${$head.parentOffset}`;
          }),
        )
        .toBe('Bloc 3.|4');
      // Her caret is drawn there too, with her name.
      await expect
        .poll(() => alice.locator('.tiptap > p').nth(17).locator('.collaboration-carets__caret').count())
        .toBe(1);
    } finally {
      denise.destroy();
    }
  });
});

describe('the reading aids', () => {
  it('outlines the headings as they are typed, goes to one, and counts words as one types', async () => {
    const id = await createTestNote(server, 'Sécurité — police de proximité');
    const cookie = await newEditor(id, 'Alice Martin');
    const alice = await openNote(id, cookie);
    const length = alice.locator('.detail', { has: alice.getByRole('heading', { name: 'Longueur' }) });
    const lengthText = () => length.locator('.detail-value').textContent();
    const outline = alice.getByRole('navigation', { name: 'Plan de la note' });
    await expect.poll(lengthText).toBe('Note vide');
    await seedNote(id, ['Contexte', 'Un constat en cinq mots.', 'Propositions', 'Chiffrage']);
    await expect.poll(lengthText).toBe('≈ 1 min de lecture · 8 mots');
    expect(await outline.count()).toBe(0);

    // Markdown's heading marks, typed at the start of a paragraph, make it a heading.
    for (const [text, marks] of [
      ['Contexte', '## '],
      ['Propositions', '## '],
      ['Chiffrage', '### '],
    ] as const) {
      await alice.locator('.tiptap p', { hasText: text }).click();
      await alice.keyboard.press('Home');
      await alice.keyboard.type(marks);
    }
    await expect
      .poll(() => outline.getByRole('button').allTextContents())
      .toEqual(['Contexte', 'Propositions', 'Chiffrage']);
    expect(await outline.locator('li').evaluateAll((items) => items.map((item) => item.dataset.level))).toEqual([
      '2',
      '2',
      '3',
    ]);

    await alice.locator('.tiptap p', { hasText: 'Un constat' }).click();
    await alice.keyboard.press('End');
    await alice.keyboard.type(' Puis quatre mots encore.');
    await expect.poll(lengthText).toBe('≈ 1 min de lecture · 12 mots');

    // Someone else writes forty paragraphs of five words under the first section: the figures
    // follow, and "Propositions" is now far down the note.
    const client = connectTestClient(server.wsUrl, id, { cookie: server.admin.cookie });
    try {
      await client.synced();
      client.doc.getXmlFragment('default').insert(
        2,
        paragraphs(40, (index) => `Paragraphe de remplissage numéro ${index}.`),
      );
      expect(readingMinutes(212)).toBe(2);
      await expect.poll(lengthText).toBe('≈ 2 min de lecture · 212 mots');
    } finally {
      client.destroy();
    }

    await alice.keyboard.press('Control+Home');
    await expect.poll(() => isOnScreen(alice, '.tiptap h2', 'Propositions')).toBe(false);
    await outline.getByRole('button', { name: 'Propositions' }).click();
    await expect.poll(() => isOnScreen(alice, '.tiptap h2', 'Propositions')).toBe(true);
    const caretBlock = await alice.locator('.tiptap').evaluate((element) => {
      type State = { selection: { $head: { parent: { textContent: string; type: { name: string } } } } };
      const { parent } = (element as unknown as { editor: { state: State } }).editor.state.selection.$head;
      return `${parent.type.name}: ${parent.textContent}`;
    });
    expect(caretBlock).toBe('heading: Propositions');
    await scrollToTop(alice);
    await keepScreenshot(alice, 'outline-desktop');

    // On a phone the outline comes after the editor, closed: the editor keeps the first screen.
    const onPhone = await openNote(id, cookie, PHONE);
    await expect.poll(() => onPhone.locator('.note-outline').isVisible()).toBe(true);
    const editorBox = await onPhone.locator('.tiptap').boundingBox();
    const outlineBox = await onPhone.locator('.note-outline').boundingBox();
    expect(editorBox?.y).toBeLessThan(PHONE.height);
    expect(outlineBox?.y).toBeGreaterThan((editorBox?.y ?? 0) + (editorBox?.height ?? 0));
    expect(await onPhone.locator('.note-outline').getAttribute('open')).toBeNull();
    await keepScreenshot(onPhone, 'outline-phone');
  });
});
