import { PDFDocument, PDFName, PDFNull, type PDFRef, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { PrintNote, PrintOptions } from '../print/index.ts';
import type { PdfRenderer } from './chromium-renderer.ts';
import { renderPackPdf } from './pack-pdf.ts';

/** A PDF of `pageCount` empty pages whose outline has one top-level entry per start page. */
async function pdfWith(pageCount: number, starts: readonly number[]): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const pages = Array.from({ length: pageCount }, () => document.addPage());
  const { context } = document;
  const outlineRef = context.nextRef();
  const itemRefs = starts.map(() => context.nextRef());
  const refAt = (index: number): PDFRef => {
    const ref = itemRefs[index];
    if (!ref) throw new Error(`no outline item ${index}`);
    return ref;
  };
  starts.forEach((start, index) => {
    const page = pages[start - 1];
    if (!page) throw new Error(`no page ${start}`);
    const item = context.obj({
      Title: PDFString.of(`Note ${index + 1}`),
      Parent: outlineRef,
      Dest: [page.ref, PDFName.of('XYZ'), PDFNull, PDFNull, PDFNull],
    });
    if (index > 0) item.set(PDFName.of('Prev'), refAt(index - 1));
    if (index + 1 < starts.length) item.set(PDFName.of('Next'), refAt(index + 1));
    context.assign(refAt(index), item);
  });
  context.assign(
    outlineRef,
    context.obj({ Type: 'Outlines', First: refAt(0), Last: refAt(starts.length - 1), Count: starts.length }),
  );
  document.catalog.set(PDFName.of('Outlines'), outlineRef);
  return document.save();
}

const note = (index: number): PrintNote => ({
  id: `note${index}`.padEnd(20, '0'),
  title: `Note ${index}`,
  theme: null,
  statusLabel: 'Validée',
  version: '0123abcd',
  date: new Date('2026-12-02T09:00:00Z'),
  content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `Texte ${index}` }] }] },
});
const notes = [note(1), note(2), note(3)];
const cover = { title: 'Dossier', date: new Date('2026-12-02T12:00:00Z'), recipient: '' };
const options = (doubleSided: boolean): PrintOptions => ({
  paper: 'A4',
  marking: 'Confidentiel',
  language: 'fr',
  largeType: false,
  doubleSided,
});

/** A renderer that answers each pass with the next scripted PDF and remembers the HTML it was given. */
function scriptedRenderer(passes: Array<() => Promise<Uint8Array>>): PdfRenderer & { html: string[] } {
  const html: string[] = [];
  const render = async (document: string) => {
    html.push(document);
    const next = passes.shift();
    if (!next) throw new Error('one pass too many');
    return next();
  };
  return {
    html,
    render,
    withPage: (work) => work(render),
    warmUp: () => {},
    serves: () => false,
    close: async () => {},
  };
}

describe('renderPackPdf', () => {
  it('prints the page numbers the first pass measured, once the second pass confirms them', async () => {
    // Cover and contents on pages 1-2, then notes of 3, 1 and 2 pages.
    const renderer = scriptedRenderer([() => pdfWith(8, [3, 6, 7]), () => pdfWith(8, [3, 6, 7])]);
    const pack = await renderPackPdf(renderer, { cover, notes }, options(false));
    expect(pack.layout).toEqual({ tocPages: [3, 6, 7], blankBefore: [false, false, false] });
    expect(pack.pageCount).toBe(8);
    expect(renderer.html).toHaveLength(2);
  });

  it('adds blank pages so that double-sided every note starts on a right-hand page', async () => {
    // One-sided starts 3, 4, 5: notes 2 and 3 each need a blank page before them.
    const renderer = scriptedRenderer([() => pdfWith(5, [3, 4, 5]), () => pdfWith(7, [3, 5, 7])]);
    const pack = await renderPackPdf(renderer, { cover, notes }, options(true));
    expect(pack.layout).toEqual({ tocPages: [3, 5, 7], blankBefore: [false, true, true] });
  });

  it('renders again when the numbers moved the notes, and uses where they landed', async () => {
    // The printed numbers made the contents one page longer: every note moved by one.
    const renderer = scriptedRenderer([
      () => pdfWith(8, [3, 6, 7]),
      () => pdfWith(9, [4, 7, 8]),
      () => pdfWith(9, [4, 7, 8]),
    ]);
    const pack = await renderPackPdf(renderer, { cover, notes }, options(false));
    expect(pack.layout.tocPages).toEqual([4, 7, 8]);
    expect(renderer.html).toHaveLength(3);
  });

  it('refuses a pack whose notes never start where its table of contents says', async () => {
    const moving = (shift: number) => () => pdfWith(20, [3 + shift, 6 + shift, 7 + shift]);
    const renderer = scriptedRenderer([moving(0), moving(1), moving(2), moving(3), moving(4)]);
    await expect(renderPackPdf(renderer, { cover, notes }, options(false))).rejects.toThrow(/did not settle/);
  });

  it('refuses a rendering whose outline does not have one entry per note', async () => {
    const renderer = scriptedRenderer([() => pdfWith(8, [3, 6])]);
    await expect(renderPackPdf(renderer, { cover, notes }, options(false))).rejects.toThrow(
      /2 top-level entries for 3 notes/,
    );
  });
});
