import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printFontFaces, printFontFiles } from '../print/print-fonts.ts';
import { createChromiumRenderer } from './chromium-renderer.ts';
import { CHROMIUM_SKIP_REASON, TEST_CHROMIUM_PATH } from './chromium-test-support.ts';
import { ChromiumUnavailableError } from './chromium-unavailable.ts';
import { readPdfOutline } from './pdf-outline.ts';

const silent = pino({ level: 'silent' });

describe('createChromiumRenderer without Chromium', () => {
  it('refuses to render with printUnavailable, in French by default', async () => {
    const renderer = createChromiumRenderer({ executablePath: '/nonexistent/chromium', logger: silent });
    const refusal = renderer.render('<p>x</p>');
    await expect(refusal).rejects.toBeInstanceOf(ChromiumUnavailableError);
    await expect(refusal).rejects.toMatchObject({
      code: 'printUnavailable',
      message: 'Le serveur ne peut pas produire de PDF : Chromium n’est pas installé.',
    });
    await renderer.close();
  });

  it('keeps the failure of a warm-up for the render that follows', async () => {
    const renderer = createChromiumRenderer({ executablePath: '/nonexistent/chromium', logger: silent });
    renderer.warmUp();
    await expect(renderer.render('<p>x</p>')).rejects.toMatchObject({ code: 'printUnavailable' });
    await renderer.close();
  });
});

describe.skipIf(CHROMIUM_SKIP_REASON !== null)(
  `createChromiumRenderer${CHROMIUM_SKIP_REASON ? ` (skipped: ${CHROMIUM_SKIP_REASON})` : ''}`,
  // Chromium starts cold in the first test: seconds, more on a busy machine.
  { timeout: 30_000 },
  () => {
    const renderer = createChromiumRenderer({
      executablePath: TEST_CHROMIUM_PATH,
      logger: silent,
      files: printFontFiles(),
    });
    let server: Server;
    let origin = '';
    const requested: string[] = [];
    beforeAll(async () => {
      server = createServer((request, response) => {
        requested.push(request.url ?? '');
        response.end('h1::after { content: "leaked" }');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      await renderer.close();
      await new Promise((resolve) => server.close(resolve));
    });

    it('runs no script and sends no request while rendering', async () => {
      const pdf = await renderer.render(`<!doctype html><html><head>
        <link rel="stylesheet" href="${origin}/style.css"></head><body>
        <h1>Seul titre</h1><img src="${origin}/tracker.png" alt="">
        <iframe src="${origin}/frame.html"></iframe>
        <script>document.body.insertAdjacentHTML('beforeend', '<h1>Injecté</h1>')</script>
        <img src="x" onerror="document.body.insertAdjacentHTML('beforeend', '<h1>Onerror</h1>')">
        </body></html>`);
      const { entries } = await readPdfOutline(pdf);
      expect(entries.map((entry) => entry.title)).toEqual(['Seul titre']);
      expect(requested).toEqual([]);
    });

    it('renders documents one after the other in one page, each from scratch', async () => {
      const titles = await renderer.withPage(async (render) => {
        const first = await readPdfOutline(await render('<!doctype html><h1>Premier passage</h1>'));
        const second = await readPdfOutline(await render('<!doctype html><h1>Second</h1><h1>passage</h1>'));
        return [first, second].map(({ entries }) => entries.map((entry) => entry.title));
      });
      expect(titles).toEqual([['Premier passage'], ['Second', 'passage']]);
    });

    it('renders on the page a warm-up readied, and on a fresh one after it', async () => {
      renderer.warmUp();
      const first = await readPdfOutline(await renderer.render('<!doctype html><h1>Préparée</h1>'));
      const second = await readPdfOutline(await renderer.render('<!doctype html><h1>Nouvelle</h1>'));
      expect([first, second].map(({ entries }) => entries[0]?.title)).toEqual(['Préparée', 'Nouvelle']);
    });

    it('answers the linked print fonts from memory, and embeds them in the PDF', async () => {
      expect(renderer.serves([...printFontFiles().keys()][0] ?? '')).toBe(true);
      expect(renderer.serves(`${origin}/style.css`)).toBe(false);
      const pdf = await renderer.render(`<!doctype html><html><head><style>${printFontFaces('linked')}
        body { font-family: "Plume Serif" }</style></head><body><h1>Police liée</h1>
        <img src="${origin}/tracker.png" alt=""></body></html>`);
      const directory = await mkdtemp(join(tmpdir(), 'plume-fonts-'));
      try {
        await writeFile(join(directory, 'fonts.pdf'), pdf);
        const { stdout } = await promisify(execFile)('pdffonts', [join(directory, 'fonts.pdf')]);
        expect(stdout).toMatch(/SourceSerif4/);
      } finally {
        await rm(directory, { recursive: true, force: true });
      }
      expect(requested).toEqual([]);
    });

    it('renders several documents at once on one browser', async () => {
      const pdfs = await Promise.all(
        ['Un', 'Deux', 'Trois'].map((title) => renderer.render(`<!doctype html><h1>${title}</h1>`)),
      );
      const titles = await Promise.all(pdfs.map(async (pdf) => (await readPdfOutline(pdf)).entries[0]?.title));
      expect(titles).toEqual(['Un', 'Deux', 'Trois']);
    });
  },
);
