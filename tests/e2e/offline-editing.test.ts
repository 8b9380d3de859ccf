import { startTestServer, type TestServer } from '@plume/server/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { keepScreenshot, launchChromium, paragraphsOf } from './browser.ts';

let browser: Browser;
let server: TestServer | null = null;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

async function openNoteAs(name: string, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 900, height: 700 } });
  await context.addInitScript(
    (identity) => window.localStorage.setItem('plume.identity', identity),
    JSON.stringify({ name, color: '#0f7b3f' }),
  );
  const page = await context.newPage();
  await page.goto(url);
  await expect.poll(() => page.getByRole('status').textContent()).toBe('Connecté');
  return page;
}

describe('writing while the server is away', () => {
  it('says the note is offline, keeps what is typed, and sends it when the server is back', async () => {
    const first = await startTestServer({ webRoot: inject('webRoot') });
    server = first;
    const created = await fetch(`${first.url}/api/notes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Travail — assurance chômage' }),
    });
    const { id } = (await created.json()) as { id: string };
    const page = await openNoteAs('Alice', `${first.url}/notes/${id}`);
    await page.locator('.tiptap').click();
    await page.keyboard.type('Avant la coupure.');

    await first.close();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/^Hors ligne/);
    await page.keyboard.type(' Écrit hors ligne.');
    await keepScreenshot(page, 'offline');

    server = await startTestServer({ dataDir: first.dataDir, port: first.port, webRoot: inject('webRoot') });
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 20_000 }).toBe('Connecté');

    const reader = await openNoteAs('Bruno', `${server.url}/notes/${id}`);
    await expect.poll(() => paragraphsOf(reader)).toEqual(['Avant la coupure. Écrit hors ligne.']);
  });
});
