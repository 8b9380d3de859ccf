import {
  addTestMember,
  createTestAccount,
  startTestServer,
  type TestAccount,
  type TestServer,
} from '@plume/server/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addSessionCookie, keepScreenshot, launchChromium, paragraphsOf, signInThroughPage } from './browser.ts';

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

/** A person in their own browser profile, so each has their own session. */
async function newPerson(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, locale: 'fr-FR' });
  contexts.push(context);
  return { context, page: await context.newPage() };
}

/** Opens `url` as an account whose session cookie is already in the browser. */
async function openAs(server: Pick<TestServer, 'url'>, account: TestAccount, url: string): Promise<Page> {
  const { context, page } = await newPerson();
  await addSessionCookie(context, server.url, account.cookie);
  await page.goto(url);
  return page;
}

function editorOf(page: Page) {
  return page.locator('.tiptap');
}

describe('co-writing a note in two browsers', () => {
  let server: TestServer;
  let aliceAccount: TestAccount;
  let noteUrl: string;
  let noteId: string;
  let alice: Page;
  let bruno: Page;

  beforeAll(async () => {
    server = await startTestServer({ webRoot: inject('webRoot') });
    aliceAccount = await createTestAccount(server, { email: 'alice@plume.test', name: 'Alice' });
  });
  afterAll(async () => {
    for (const context of contexts.splice(0)) await context.close();
    await server?.dispose();
  });

  it('signs in, creates a note from the notes page, and opens it by its URL in a second browser', async () => {
    ({ page: alice } = await newPerson());
    await alice.goto(server.url);
    await alice.waitForURL(/\/login$/);
    await signInThroughPage(alice, aliceAccount);
    await alice.getByRole('button', { name: 'Nouvelle note' }).click();
    await alice.getByRole('dialog').getByLabel('Titre').fill('Écologie — rénovation thermique');
    await alice.getByRole('button', { name: 'Créer la note' }).click();
    await alice.waitForURL(/\/notes\/[0-9a-z]{20}$/);
    noteUrl = alice.url();
    noteId = new URL(noteUrl).pathname.split('/').pop() as string;

    const brunoAccount = await createTestAccount(server, { email: 'bruno@plume.test', name: 'Bruno' });
    await addTestMember(server, noteId, brunoAccount.email, 'editor', aliceAccount.cookie);
    bruno = await openAs(server, brunoAccount, noteUrl);
    for (const person of [alice, bruno]) {
      await expect
        .poll(() => person.getByRole('heading', { level: 1 }).textContent())
        .toBe('Écologie — rénovation thermique');
      await expect.poll(() => person.getByRole('status').first().textContent()).toBe('Enregistré');
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

  it("shows each person the other's caret with their account name", async () => {
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
      const claire = await createTestAccount(restarted, { email: 'claire@plume.test', name: 'Claire' });
      await addTestMember(restarted, noteId, claire.email, 'viewer');
      const reader = await openAs(restarted, claire, noteUrl.replace(server.url, restarted.url));
      await expect.poll(() => reader.getByRole('status').first().textContent()).toBe('Enregistré');
      await expect.poll(() => paragraphsOf(reader)).toEqual(expected);
      // A viewer reads the note but cannot change it.
      await expect.poll(() => reader.getByText('Lecture seule').count()).toBe(1);
      expect(await editorOf(reader).getAttribute('contenteditable')).toBe('false');
      await keepScreenshot(reader, 'after-restart');
    } finally {
      await restarted.close();
    }
  });
});
