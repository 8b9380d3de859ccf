import {
  addTestMember,
  createTestAccount,
  createTestNote,
  startTestServer,
  type TestAccount,
  type TestServer,
} from '@plume/server/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DESKTOP, keepScreenshot, openNoteAs, PHONE, useChromiumPages } from './browser.ts';

const pages = useChromiumPages();
const { violations } = pages;

const SENT = 'Le candidat propose un chèque énergie ciblé.';
const LATER = 'Ajout après l’envoi : chiffrage à 2 milliards.';
const VERSION_NAME = 'Envoyée au candidat';
const opened: Page[] = [];

/** The live note's paragraphs, without others' caret labels; the version dialog has an editor of its own. */
function liveParagraphs(page: Page): Promise<string[]> {
  return page.locator('.editor-page .tiptap').evaluate((editor) => {
    const copy = editor.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
    return [...copy.children].map((block) => block.textContent ?? '');
  });
}

/** Opens the note as an account whose session cookie goes into a fresh browser profile. */
async function openNote(server: TestServer, account: TestAccount, noteId: string, viewport = DESKTOP): Promise<Page> {
  const page = await openNoteAs(pages, server.url, account.cookie, noteId, viewport);
  opened.push(page);
  return page;
}

/** The scripts of the history panel the page has fetched so far. */
function historyScriptsLoaded(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) => /\/assets\/history-panel-[^/]*\.js$/.test(name)),
  );
}

/** Opens the "Historique" disclosure, loaded on first opening, and waits for its list. */
async function openHistory(page: Page): Promise<void> {
  await page.locator('.note-history > summary').click();
  await expect.poll(() => page.locator('.history-list').count()).toBe(1);
}

describe('the history of a note in the browser', () => {
  let server: TestServer;
  let alice: TestAccount;
  let bruno: TestAccount;
  let noteId: string;
  let writer: Page;
  let reader: Page;

  beforeAll(async () => {
    server = await startTestServer({ webRoot: inject('webRoot') });
    alice = await createTestAccount(server, { email: 'alice@plume.test', name: 'Alice' });
    bruno = await createTestAccount(server, { email: 'bruno@plume.test', name: 'Bruno' });
    noteId = await createTestNote(server, 'Discours sur l’énergie', alice.cookie);
    await addTestMember(server, noteId, bruno.email, 'editor', alice.cookie);
  });
  afterAll(async () => {
    // The browsers leave first, so that the server closes with no connection still writing.
    for (const page of opened.splice(0)) await page.context().close();
    await server?.dispose();
  });

  it('loads the history only when it is first opened', async () => {
    writer = await openNote(server, alice, noteId);
    reader = await openNote(server, bruno, noteId);
    const history = writer.locator('.note-history');
    expect(await history.evaluate((element) => (element as HTMLDetailsElement).open)).toBe(false);
    expect(await writer.locator('.history-panel').textContent()).toBe('');
    expect(await historyScriptsLoaded(writer)).toEqual([]);
    await openHistory(writer);
    expect(await historyScriptsLoaded(writer)).toHaveLength(1);
  });

  it('names the note as it is, and lists the named version once more is written', async () => {
    await writer.locator('.editor-page .tiptap').click();
    await writer.keyboard.type(SENT);
    // Bruno's browser has it only once the server has it.
    await expect.poll(() => liveParagraphs(reader)).toEqual([SENT]);

    await writer.getByRole('button', { name: 'Nommer cette version…' }).click();
    const dialog = writer.getByRole('dialog', { name: 'Nommer cette version' });
    await dialog.getByLabel('Nom de la version').fill(VERSION_NAME);
    await dialog.getByRole('button', { name: 'Nommer', exact: true }).click();
    await expect
      .poll(() => writer.locator('.history-notice').textContent())
      .toBe(`Version « ${VERSION_NAME} » gardée.`);

    await writer.locator('.editor-page .tiptap').click();
    await writer.keyboard.press('Control+End');
    await writer.keyboard.press('Enter');
    await writer.keyboard.type(LATER);
    await expect.poll(() => liveParagraphs(reader)).toEqual([SENT, LATER]);

    const named = writer.locator('.version-item', { hasText: VERSION_NAME });
    await expect.poll(() => named.count()).toBe(1);
    await expect.poll(() => named.locator('.version-kind').textContent()).toBe('Nommée');
    await expect.poll(() => named.locator('.version-meta').textContent()).toMatch(/^par Alice · \d+ mots$/);
    // The slider stands on the newest version, at its right end.
    const slider = writer.getByRole('slider', { name: 'Parcourir les versions' });
    expect(await slider.inputValue()).toBe(await slider.getAttribute('max'));
  });

  it('opens the named version read-only, with only the text written before it was named', async () => {
    await writer.locator('.version-item', { hasText: VERSION_NAME }).click();
    const dialog = writer.getByRole('dialog', { name: VERSION_NAME });
    await expect.poll(() => dialog.locator('.tiptap p').allTextContents()).toEqual([SENT]);
    expect(await dialog.locator('.tiptap').getAttribute('contenteditable')).toBe('false');
    await keepScreenshot(writer, 'history-version-desktop');
  });

  it('restores the version in two clicks and a confirmation, and the other browser sees it live', async () => {
    const dialog = writer.getByRole('dialog', { name: VERSION_NAME });
    await dialog.getByRole('button', { name: 'Restaurer cette version' }).click();
    await writer
      .getByRole('dialog', { name: 'Restaurer cette version ?' })
      .getByRole('button', { name: 'Restaurer', exact: true })
      .click();

    await expect.poll(() => liveParagraphs(writer)).toEqual([SENT]);
    await expect.poll(() => liveParagraphs(reader)).toEqual([SENT]);
    await expect.poll(() => writer.getByRole('dialog').count()).toBe(0);
    await expect
      .poll(() => writer.locator('.history-notice > p').textContent())
      .toBe(`« ${VERSION_NAME} » a été restaurée.`);
    // The list shows the restore, newest first, and keeps the text as it was just before it.
    await expect
      .poll(() => writer.locator('.version-item').first().locator('.version-kind').textContent())
      .toBe('Restauration');
    await keepScreenshot(writer, 'history-restored-desktop');
  });

  it('undoes the restore by bringing back the version frozen just before it', async () => {
    await writer.getByRole('button', { name: 'Annuler la restauration' }).click();
    await expect.poll(() => liveParagraphs(writer)).toEqual([SENT, LATER]);
    await expect.poll(() => liveParagraphs(reader)).toEqual([SENT, LATER]);
    await expect
      .poll(() => writer.locator('.history-notice > p').textContent())
      .toBe('La note est revenue à son état d’avant la restauration.');
  });

  it('fits a phone screen, moves through versions with the slider and breaks no security policy', async () => {
    const phone = await openNote(server, bruno, noteId, PHONE);
    await openHistory(phone);
    await expect.poll(() => phone.locator('.version-item').count()).toBeGreaterThanOrEqual(3);
    const slider = phone.getByRole('slider', { name: 'Parcourir les versions' });
    await slider.focus();
    await phone.keyboard.press('Home');
    // The oldest version is the last of the list, and the slider marks it.
    await expect
      .poll(() => phone.locator('.version-item[aria-current="true"]').getAttribute('data-focus-key'))
      .toBe(await phone.locator('.version-item').last().getAttribute('data-focus-key'));
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await keepScreenshot(phone, 'history-phone');

    await phone.locator('.version-item', { has: phone.locator('.version-kind', { hasText: 'Nommée' }) }).click();
    const dialog = phone.getByRole('dialog', { name: VERSION_NAME });
    await expect.poll(() => dialog.locator('.tiptap p').allTextContents()).toEqual([SENT]);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await keepScreenshot(phone, 'history-version-phone');
    expect(violations()).toEqual([]);
  });
});
