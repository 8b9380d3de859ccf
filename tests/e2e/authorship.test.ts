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
import { DESKTOP, keepScreenshot, openNoteAs, paragraphsOf, placeCaretAtEnd, useChromiumPages } from './browser.ts';

const pages = useChromiumPages();
const { violations } = pages;

const ALICE_TEXT = 'Alice propose un chèque énergie ciblé.';
const BRUNO_TEXT = 'Bruno le chiffre à 2 milliards.';
const VERSION_NAME = 'Avant Bruno';
const opened: Page[] = [];

/** Opens the note as an account whose session cookie goes into a fresh browser profile. */
async function openNote(server: TestServer, account: TestAccount, noteId: string, viewport = DESKTOP): Promise<Page> {
  const page = await openNoteAs(pages, server.url, account.cookie, noteId, viewport);
  opened.push(page);
  return page;
}

/** The live editor's runs of coloured text, each with its colour class and its text. */
function colouredRuns(page: Page): Promise<Array<{ color: string; text: string }>> {
  return page.locator('.editor-page .tiptap').evaluate((editor) =>
    [...editor.querySelectorAll('.author-run')].map((run) => ({
      color: [...run.classList].find((name) => /^author-(color-\d+|unknown)$/.test(name)) ?? '',
      text: run.textContent ?? '',
    })),
  );
}

/** The legend under the note's bar: each name with its colour class. */
function legendOf(page: Page): Promise<Array<{ color: string; name: string }>> {
  return page.locator('.authorship-legend .author-legend-entry').evaluateAll((entries) =>
    entries.map((entry) => ({
      color: [...entry.classList].find((name) => /^author-(color-\d+|unknown)$/.test(name)) ?? '',
      name: entry.textContent ?? '',
    })),
  );
}

describe('who wrote what, in the browser', () => {
  let server: TestServer;
  let alice: TestAccount;
  let bruno: TestAccount;
  let noteId: string;
  let writer: Page;
  let coWriter: Page;

  beforeAll(async () => {
    server = await startTestServer({ webRoot: inject('webRoot') });
    alice = await createTestAccount(server, { email: 'alice@plume.test', name: 'Alice' });
    bruno = await createTestAccount(server, { email: 'bruno@plume.test', name: 'Bruno' });
    noteId = await createTestNote(server, 'Énergie', alice.cookie);
    await addTestMember(server, noteId, bruno.email, 'editor', alice.cookie);
  });
  afterAll(async () => {
    // The browsers leave first, so that the server closes with no connection still writing.
    for (const page of opened.splice(0)) await page.context().close();
    await server?.dispose();
  });

  it('colours each passage after its author once switched on, with a legend of both names', async () => {
    writer = await openNote(server, alice, noteId);
    await writer.locator('.editor-page .tiptap').click();
    await writer.keyboard.type(ALICE_TEXT);

    // The note as Alice left it is named, to be compared with later.
    await writer.locator('.note-history > summary').click();
    await writer.getByRole('button', { name: 'Nommer cette version…' }).click();
    const dialog = writer.getByRole('dialog', { name: 'Nommer cette version' });
    await dialog.getByLabel('Nom de la version').fill(VERSION_NAME);
    await dialog.getByRole('button', { name: 'Nommer', exact: true }).click();
    await expect
      .poll(() => writer.locator('.history-notice').textContent())
      .toBe(`Version « ${VERSION_NAME} » gardée.`);

    coWriter = await openNote(server, bruno, noteId);
    await expect.poll(() => paragraphsOf(coWriter)).toEqual([ALICE_TEXT]);
    await placeCaretAtEnd(coWriter);
    await coWriter.keyboard.press('Enter');
    await coWriter.keyboard.type(BRUNO_TEXT);
    await expect.poll(() => paragraphsOf(writer)).toEqual([ALICE_TEXT, BRUNO_TEXT]);

    const toggle = writer.getByRole('button', { name: 'Couleurs des auteurs' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await writer.locator('.author-run').count()).toBe(0);
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');

    await expect
      .poll(() => legendOf(writer).then((legend) => legend.map((entry) => entry.name)))
      .toEqual(['Alice', 'Bruno']);
    const legend = await legendOf(writer);
    await expect
      .poll(() => colouredRuns(writer))
      .toEqual([
        { color: legend[0]?.color, text: ALICE_TEXT },
        { color: legend[1]?.color, text: BRUNO_TEXT },
      ]);
    expect(legend[0]?.color).not.toBe(legend[1]?.color);
    expect(legend[0]?.color).toMatch(/^author-color-\d$/);
    expect(legend[1]?.color).toMatch(/^author-color-\d$/);
    await keepScreenshot(writer, 'authorship-colours-desktop');
  });

  it('keeps the colours on after a reload, and colours new text as it is written', async () => {
    await writer.reload();
    await expect.poll(() => writer.locator('.note-badges .status').textContent()).toBe('Enregistré');
    expect(await writer.getByRole('button', { name: 'Couleurs des auteurs' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    await expect
      .poll(() => legendOf(writer).then((legend) => legend.map((entry) => entry.name)))
      .toEqual(['Alice', 'Bruno']);

    // Bruno writes on while Alice watches: his new words take his colour.
    await placeCaretAtEnd(coWriter);
    await coWriter.keyboard.type(' Financé.');
    const legend = await legendOf(writer);
    await expect
      .poll(() => colouredRuns(writer))
      .toEqual([
        { color: legend[0]?.color, text: ALICE_TEXT },
        { color: legend[1]?.color, text: `${BRUNO_TEXT} Financé.` },
      ]);
  });

  it('switches the colours off for this person only', async () => {
    const toggle = coWriter.getByRole('button', { name: 'Couleurs des auteurs' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await coWriter.locator('.author-run').count()).toBe(0);
    const own = writer.getByRole('button', { name: 'Couleurs des auteurs' });
    await own.click();
    expect(await own.getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => writer.locator('.author-run').count()).toBe(0);
    expect(await writer.locator('.authorship-legend').isHidden()).toBe(true);
  });

  it('attributes Bruno’s insertion to him, and Alice’s deletion to her, in a comparison with the named version', async () => {
    // Alice takes " ciblé" out of her sentence, just before its full stop.
    await writer.locator('.editor-page .tiptap').click();
    await writer.keyboard.press('Control+Home');
    await writer.keyboard.press('End');
    await writer.keyboard.press('ArrowLeft');
    // Back to back, as a held key sends them: each must see the caret where ArrowLeft put it.
    for (let count = 0; count < ' ciblé'.length; count += 1) await writer.keyboard.press('Backspace');
    const shortened = ALICE_TEXT.replace(' ciblé', '');
    await expect.poll(() => paragraphsOf(coWriter)).toEqual([shortened, `${BRUNO_TEXT} Financé.`]);

    await writer.locator('.note-history > summary').click();
    await expect.poll(() => writer.locator('.history-list').count()).toBe(1);
    const named = writer.locator('.version-item', { hasText: VERSION_NAME });
    await expect.poll(() => named.count()).toBe(1);
    // Focusing a version selects it, as the slider does.
    await named.focus();
    await writer.getByRole('button', { name: 'Comparer avec la version actuelle' }).click();

    const dialog = writer.getByRole('dialog', { name: `Changements depuis « ${VERSION_NAME} »` });
    const inserted = dialog.locator('ins.change-inserted');
    await expect.poll(() => inserted.allTextContents().then((texts) => texts.join(''))).toBe(`${BRUNO_TEXT} Financé.`);
    expect(await inserted.first().getAttribute('title')).toBe('Ajouté par Bruno');
    const deleted = dialog.locator('del.change-deleted');
    expect(await deleted.allTextContents()).toEqual([' ciblé']);
    expect(await deleted.first().getAttribute('title')).toBe('Supprimé par Alice');
    expect(await dialog.locator('.tiptap').getAttribute('contenteditable')).toBe('false');
    // Most changes first. Every character of Bruno's paragraph is his; the server may count its break too.
    const tallies = dialog.locator('.author-legend-entry');
    await expect.poll(() => tallies.count()).toBe(2);
    const tally = /^Bruno : \+(\d+) \/ −0 caractères$/.exec((await tallies.first().textContent()) ?? '');
    expect(Number(tally?.[1])).toBeGreaterThanOrEqual(`${BRUNO_TEXT} Financé.`.length);
    expect(await tallies.nth(1).textContent()).toBe('Alice : +0 / −6 caractères');
    const brunoColor = await dialog
      .locator('.author-legend-entry')
      .first()
      .evaluate((entry) => [...entry.classList].find((name) => /^author-color-\d$/.test(name)));
    expect(
      await inserted.first().evaluate((element, color) => element.classList.contains(color ?? ''), brunoColor),
    ).toBe(true);
    await keepScreenshot(writer, 'authorship-comparison-desktop');
    expect(violations()).toEqual([]);
  });

  it('shows what changed since the last pack printed for the candidate, and by whom', async () => {
    await writer.keyboard.press('Escape');
    // Staff print the day's pack with the note as it is now (the server records what it printed).
    const printed = await fetch(`${server.url}/api/packs/html`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: alice.cookie },
      body: JSON.stringify({
        noteIds: [noteId],
        cover: { title: 'Dossier du candidat', date: '2026-12-02', recipient: '' },
        paper: 'A4',
        doubleSided: false,
        largeType: false,
        source: 'current',
      }),
    });
    expect(printed.status).toBe(200);
    // Afterwards Bruno adds a sentence.
    await placeCaretAtEnd(coWriter);
    await coWriter.keyboard.type(' Voté en mars.');
    await expect
      .poll(() => paragraphsOf(writer).then((paragraphs) => paragraphs[1]))
      .toBe(`${BRUNO_TEXT} Financé. Voté en mars.`);

    // Opening the history again looks for the last pack.
    const history = writer.locator('.note-history > summary');
    await history.click();
    await history.click();
    const sincePack = writer.getByRole('button', { name: 'Ce qui a changé depuis le dossier « Dossier du candidat »' });
    await expect.poll(() => sincePack.isVisible()).toBe(true);
    await sincePack.click();
    const dialog = writer.getByRole('dialog', {
      name: /^Changements depuis « Imprimée dans le dossier du 2 décembre 2026 »$/,
    });
    const inserted = dialog.locator('ins.change-inserted');
    await expect.poll(() => inserted.allTextContents()).toEqual([' Voté en mars.']);
    expect(await inserted.first().getAttribute('title')).toBe('Ajouté par Bruno');
    expect(await dialog.locator('del.change-deleted').count()).toBe(0);
  });
});
