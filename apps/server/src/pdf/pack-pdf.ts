import {
  type FontSource,
  type PackLayout,
  type PrintOptions,
  type PrintPack,
  packHtml,
  printFontFiles,
} from '../print/index.ts';
import type { PdfRenderer } from './chromium-renderer.ts';
import { measurePack, packLayout } from './pack-layout.ts';
import { readPdfOutline } from './pdf-outline.ts';

/** A rendered briefing pack: the file, its page count and where each note starts. */
export type PackPdf = { pdf: Uint8Array; pageCount: number; layout: PackLayout };

// A second pass settles the layout unless the table of contents changed length with its numbers;
// a third absorbs that. More would mean the layout does not converge: a bug, reported as such.
const MAX_PASSES = 4;

/**
 * Renders a briefing pack to one PDF whose table of contents is right: a first pass with
 * placeholder numbers measures where each note starts (the outline has one top-level entry per
 * note title), the next passes print the numbers and, double-sided, the blank pages; the result
 * is checked against its own outline, and a pack whose notes do not start where the table of
 * contents says is never returned.
 */
export async function renderPackPdf(
  renderer: PdfRenderer,
  pack: Omit<PrintPack, 'layout'>,
  options: PrintOptions,
): Promise<PackPdf> {
  // Linked fonts are loaded and decoded once for every pass, where embedded ones would be each time.
  const fonts: FontSource = [...printFontFiles().keys()].every((url) => renderer.serves(url)) ? 'linked' : 'embedded';
  // Every pass in one page: the browser lays the same fonts and styles out again, warm.
  return renderer.withPage(async (render) => {
    let layout: PackLayout | null = null;
    for (let pass = 1; pass <= MAX_PASSES; pass++) {
      const pdf = await render(packHtml({ ...pack, layout }, { ...options, fonts }));
      const { pageCount, starts } = await noteStarts(pdf, pack.notes.length);
      if (layout && starts.every((start, index) => start === layout?.tocPages[index])) {
        return { pdf, pageCount, layout };
      }
      layout = packLayout(measurePack(starts, pageCount, layout?.blankBefore), options.doubleSided);
    }
    throw new Error(`the pack's table of contents did not settle after ${MAX_PASSES} renderings`);
  });
}

/** The page each note starts on, from the PDF's outline: one top-level entry per note, in order. */
async function noteStarts(pdf: Uint8Array, noteCount: number): Promise<{ pageCount: number; starts: number[] }> {
  const { pageCount, entries } = await readPdfOutline(pdf);
  if (entries.length !== noteCount)
    throw new Error(`the pack's outline has ${entries.length} top-level entries for ${noteCount} notes`);
  const starts = entries.map(({ page }, index) => {
    if (page === null) throw new Error(`the outline entry of note ${index + 1} leads to no page`);
    return page;
  });
  return { pageCount, starts };
}
