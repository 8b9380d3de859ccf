import { createTestNote, startTestServer, type TestServer } from '@plume/server/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addSessionCookie, keepScreenshot, launchChromium, paragraphsOf } from './browser.ts';

let browser: Browser;
let server: TestServer | null = null;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

/** Opens a note in a fresh browser profile signed in with the session `cookie`. */
async function openNoteAs(cookie: string, serverUrl: string, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 900, height: 700 } });
  await addSessionCookie(context, serverUrl, cookie);
  const page = await context.newPage();
  await page.goto(url);
  await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Connecté');
  return page;
}

describe('writing while the server is away', () => {
  it('says the note is offline, keeps what is typed, and sends it when the server is back', async () => {
    const first = await startTestServer({ webRoot: inject('webRoot') });
    server = first;
    const id = await createTestNote(first, 'Travail — assurance chômage');
    const page = await openNoteAs(first.admin.cookie, first.url, `${first.url}/notes/${id}`);
    await page.locator('.tiptap').click();
    await page.keyboard.type('Avant la coupure.');

    await first.close();
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/^Hors ligne/);
    await page.keyboard.type(' Écrit hors ligne.');
    await keepScreenshot(page, 'offline');

    // Sessions are kept on disk: the page's cookie still opens the note once the server is back.
    server = await startTestServer({ dataDir: first.dataDir, port: first.port, webRoot: inject('webRoot') });
    await expect.poll(() => page.getByRole('status').first().textContent(), { timeout: 20_000 }).toBe('Connecté');

    const reader = await openNoteAs(server.admin.cookie, server.url, `${server.url}/notes/${id}`);
    await expect.poll(() => paragraphsOf(reader)).toEqual(['Avant la coupure. Écrit hors ligne.']);
  });
});
