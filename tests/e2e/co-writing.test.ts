import { startTestServer, type TestServer } from '@plume/server/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { keepScreenshot, launchChromium, paragraphsOf } from './browser.ts';

const ALICE_SENTENCE = 'Alice propose un chèque énergie ciblé.';
const BRUNO_SENTENCE = 'Bruno chiffre la mesure à 2 milliards.';

let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** A person in their own browser profile, so each has their own remembered name. */
async function openAs(name: string, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, locale: 'fr-FR' });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(url);
  await page.getByLabel('Votre nom').fill(name);
  await page.getByRole('button', { name: 'Continuer' }).click();
  return page;
}

function editorOf(page: Page) {
  return page.locator('.tiptap');
}

describe('co-writing a note in two browsers', () => {
  let server: TestServer;
  let noteUrl: string;
  let alice: Page;
  let bruno: Page;

  beforeAll(async () => {
    server = await startTestServer({ webRoot: inject('webRoot') });
  });
  afterAll(async () => {
    for (const context of contexts.splice(0)) await context.close();
    await server?.dispose();
  });

  it('creates a note from the notes page and opens it by its URL in a second browser', async () => {
    alice = await openAs('Alice', server.url);
    await alice.getByLabel('Titre de la nouvelle note').fill('Écologie — rénovation thermique');
    await alice.getByRole('button', { name: 'Créer la note' }).click();
    await alice.waitForURL(/\/notes\/[0-9a-z]{20}$/);
    noteUrl = alice.url();

    bruno = await openAs('Bruno', noteUrl);
    for (const person of [alice, bruno]) {
      await expect
        .poll(() => person.getByRole('heading', { level: 1 }).textContent())
        .toBe('Écologie — rénovation thermique');
      await expect.poll(() => person.getByRole('status').textContent()).toBe('Connecté');
    }
  });

  it('ends with identical text when both type at the same time', async () => {
    await editorOf(alice).click();
    await alice.keyboard.type('Contexte');
    await alice.keyboard.press('Enter');
    await alice.keyboard.type('Propositions');
    await expect.poll(() => paragraphsOf(bruno)).toEqual(['Contexte', 'Propositions']);

    // Each writes in a paragraph of their own, keystroke by keystroke, at the same time.
    await editorOf(bruno).locator('p').first().click();
    await bruno.keyboard.press('End');
    await alice.keyboard.press('Control+End');
    await Promise.all([
      alice.keyboard.type(` ${ALICE_SENTENCE}`, { delay: 15 }),
      bruno.keyboard.type(` ${BRUNO_SENTENCE}`, { delay: 15 }),
    ]);

    const expected = [`Contexte ${BRUNO_SENTENCE}`, `Propositions ${ALICE_SENTENCE}`];
    await expect.poll(() => paragraphsOf(alice)).toEqual(expected);
    await expect.poll(() => paragraphsOf(bruno)).toEqual(expected);
  });

  it("shows each person the other's caret with their name", async () => {
    await expect.poll(() => alice.locator('.collaboration-carets__label').allTextContents()).toEqual(['Bruno']);
    await expect.poll(() => bruno.locator('.collaboration-carets__label').allTextContents()).toEqual(['Alice']);
    await expect.poll(() => alice.locator('.presence .person').allTextContents()).toEqual(['Alice (vous)', 'Bruno']);
    await keepScreenshot(alice, 'co-writing-alice');
    await keepScreenshot(bruno, 'co-writing-bruno');
  });

  it('finds the note intact after the server restarts on the same data directory', async () => {
    const expected = await paragraphsOf(alice);
    expect(expected).toEqual([`Contexte ${BRUNO_SENTENCE}`, `Propositions ${ALICE_SENTENCE}`]);
    for (const context of contexts.splice(0)) await context.close();
    await server.close();

    const restarted = await startTestServer({ dataDir: server.dataDir, webRoot: inject('webRoot') });
    try {
      const reader = await openAs('Claire', noteUrl.replace(server.url, restarted.url));
      await expect.poll(() => reader.getByRole('status').textContent()).toBe('Connecté');
      await expect.poll(() => paragraphsOf(reader)).toEqual(expected);
      await keepScreenshot(reader, 'after-restart');
    } finally {
      await restarted.close();
    }
  });
});
