import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createTestAccount, startTestServer, type TestAccount, type TestServer } from '@plume/server/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addSessionCookie, DESKTOP, keepScreenshot, PHONE, useChromiumPages } from './browser.ts';

const run = promisify(execFile);
const { newPage, violations } = useChromiumPages();

const MARKDOWN = [
  '# Ordre du jour',
  '',
  '## Points à traiter',
  '',
  '- **Budget** de la santé',
  '- Calendrier',
  '',
  '## À faire',
  '',
  '- [ ] Relire la note',
  '',
  '| Mesure | Coût |',
  '| --- | --- |',
  '| Âge légal | 12 Md€ |',
  '',
  '<script>alert(1)</script>',
  '',
].join('\n');

describe('export and import of notes in the browser', () => {
  let server: TestServer;
  let marie: TestAccount;
  let directory: string;

  beforeAll(async () => {
    server = await startTestServer({ webRoot: inject('webRoot') });
    marie = await createTestAccount(server, { email: 'marie@plume.test', name: 'Marie Dupont' });
    directory = await mkdtemp(join(tmpdir(), 'plume-export-import-'));
  });
  afterAll(async () => {
    await server?.dispose();
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  it('imports a Markdown file from the notes page and exports the new note as Word', async () => {
    const page = await newPage(DESKTOP);
    await addSessionCookie(page.context(), server.url, marie.cookie);
    await page.goto(server.url);

    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Importer un fichier' }).click();
    await (await chooser).setFiles({
      name: 'ordre-du-jour.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from(MARKDOWN, 'utf8'),
    });
    await page.waitForURL(/\/notes\/[0-9a-z]{20}$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Ordre du jour');
    await expect.poll(() => page.locator('.tiptap h2').allTextContents()).toEqual(['Points à traiter', 'À faire']);
    await expect.poll(() => page.locator('.tiptap strong').allTextContents()).toEqual(['Budget']);
    await expect.poll(() => page.locator('.tiptap th').allTextContents()).toEqual(['Mesure', 'Coût']);
    await expect.poll(() => page.locator('.tiptap ul[data-type="taskList"] li').count()).toBe(1);
    expect(await page.locator('.tiptap').textContent()).toContain('<script>alert(1)</script>');
    await keepScreenshot(page, 'export-import-imported-note');

    // The menu opens from the keyboard, as from the mouse.
    await page.getByText('Exporter', { exact: true }).focus();
    await page.keyboard.press('Enter');
    const word = page.getByRole('link', { name: 'Word (.docx)' });
    await expect.poll(() => word.isVisible()).toBe(true);
    const download = page.waitForEvent('download');
    await word.click();
    const file = await download;
    // Chromium names the file after the real title (filename*), other browsers after its ASCII form.
    expect(file.suggestedFilename()).toBe('Ordre du jour.docx');
    const saved = join(directory, 'ordre-du-jour.docx');
    await file.saveAs(saved);
    const xml = (await run('unzip', ['-p', saved, 'word/document.xml'])).stdout;
    expect(xml).toContain('Points à traiter');
    expect(xml).toContain('Budget');
    expect(violations()).toEqual([]);

    const phone = await newPage(PHONE);
    await addSessionCookie(phone.context(), server.url, marie.cookie);
    await phone.goto(page.url());
    await phone.getByText('Exporter', { exact: true }).click();
    await expect.poll(() => phone.getByRole('link', { name: 'Texte (.txt)' }).isVisible()).toBe(true);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await keepScreenshot(phone, 'export-import-menu-phone');
  });

  it('shows the server’s message when a file is refused, and fits a phone screen', async () => {
    const page = await newPage(PHONE);
    await addSessionCookie(page.context(), server.url, marie.cookie);
    await page.goto(server.url);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Importer un fichier' }).click();
    await (await chooser).setFiles({
      name: 'abime.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: Buffer.from('PK\u0003\u0004 pas un document Word'),
    });
    await expect
      .poll(() => page.locator('.import-status').textContent())
      .toMatch(/^Le fichier n’a pas été importé : Ce fichier n'est pas un document Word/);
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await keepScreenshot(page, 'export-import-refused-phone');
  });
});
