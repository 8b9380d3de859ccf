import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { createChromiumRenderer } from './chromium-renderer.ts';
import { CHROMIUM_SKIP_REASON, TEST_CHROMIUM_PATH } from './chromium-test-support.ts';
import { readPdfOutline } from './pdf-outline.ts';

const paragraphs = (count: number) => '<p>Un paragraphe de texte suivi.</p>'.repeat(count);

describe.skipIf(CHROMIUM_SKIP_REASON !== null)(
  `readPdfOutline, on PDFs Chromium renders${CHROMIUM_SKIP_REASON ? ` (skipped: ${CHROMIUM_SKIP_REASON})` : ''}`,
  // Chromium starts cold in the first test: seconds, more on a busy machine.
  { timeout: 30_000 },
  () => {
    const renderer = createChromiumRenderer({ executablePath: TEST_CHROMIUM_PATH, logger: pino({ level: 'silent' }) });
    afterAll(() => renderer.close());

    it('finds the page each top-level heading starts on, and the page count', async () => {
      const pdf = await renderer.render(`<!doctype html><html lang="fr"><head><meta charset="utf-8"><style>
        @page { size: A4; margin: 20mm; } h1 { break-before: page; }
      </style></head><body><p>Couverture</p>
      <h1>Première</h1>${paragraphs(2)}<h2>Sous-partie</h2>${paragraphs(2)}
      <h1>Deuxième « longue »</h1>${paragraphs(120)}
      <h1>Troisième</h1>${paragraphs(1)}</body></html>`);
      const outline = await readPdfOutline(pdf);
      expect(outline.entries.map((entry) => entry.title)).toEqual(['Première', 'Deuxième « longue »', 'Troisième']);
      const [first, second, third] = outline.entries.map((entry) => entry.page ?? Number.NaN);
      expect(first).toBe(2);
      expect(second).toBe(3);
      // 120 paragraphs take more than one A4 page, so the third note starts further on.
      expect(third).toBeGreaterThan(4);
      expect(outline.pageCount).toBe(third);
    });

    it('reads a PDF without an outline as having no entries', async () => {
      const pdf = await renderer.render('<!doctype html><html><body><p>Rien à signaler.</p></body></html>');
      expect(await readPdfOutline(pdf)).toEqual({ pageCount: 1, entries: [] });
    });
  },
);
