import {
  PDFArray,
  type PDFContext,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  type PDFObject,
  PDFRef,
  PDFString,
} from 'pdf-lib';

/** One top-level entry of a PDF's outline (its bookmarks). */
export type OutlineEntry = {
  title: string;
  /** The 1-based page it leads to, or null when its destination names no page of the file. */
  page: number | null;
};

/** What the PDF pipeline reads back from a rendered file. */
export type PdfOutline = {
  pageCount: number;
  /** Top-level outline entries, in order. */
  entries: OutlineEntry[];
};

// A malformed or hostile file could loop its outline; no honest pack comes near this.
const MAX_ENTRIES = 10_000;

/** Reads a PDF's page count and the page each top-level outline entry points to. */
export async function readPdfOutline(pdf: Uint8Array): Promise<PdfOutline> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  const { context, catalog } = document;
  const pageNumbers = new Map(document.getPages().map((page, index) => [page.ref.toString(), index + 1]));
  const entries: OutlineEntry[] = [];
  const outlines = catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  let item = outlines?.lookupMaybe(PDFName.of('First'), PDFDict);
  while (item && entries.length < MAX_ENTRIES) {
    const page = pageOfDestination(context, catalog, destinationOf(item));
    entries.push({
      title: textOf(item.lookup(PDFName.of('Title'))),
      page: page ? (pageNumbers.get(page) ?? null) : null,
    });
    item = item.lookupMaybe(PDFName.of('Next'), PDFDict);
  }
  return { pageCount: document.getPageCount(), entries };
}

/** An outline item's destination: its /Dest, or the /D of its GoTo action. */
function destinationOf(item: PDFDict): PDFObject | undefined {
  const direct = item.lookup(PDFName.of('Dest'));
  if (direct) return direct;
  return item.lookupMaybe(PDFName.of('A'), PDFDict)?.lookup(PDFName.of('D'));
}

/** The reference (as text) of the page a destination shows, following named destinations once. */
function pageOfDestination(context: PDFContext, catalog: PDFDict, destination: PDFObject | undefined): string | null {
  let resolved = destination;
  if (resolved instanceof PDFName || resolved instanceof PDFString || resolved instanceof PDFHexString) {
    resolved = namedDestination(catalog, resolved);
  }
  if (resolved instanceof PDFDict) resolved = resolved.lookup(PDFName.of('D'));
  if (!(resolved instanceof PDFArray)) return null;
  const page = resolved.get(0);
  return page instanceof PDFRef && context.lookup(page) instanceof PDFDict ? page.toString() : null;
}

/** Looks a destination name up in the catalog's /Dests dictionary or its /Names /Dests name tree. */
function namedDestination(catalog: PDFDict, name: PDFName | PDFString | PDFHexString): PDFObject | undefined {
  if (name instanceof PDFName) return catalog.lookupMaybe(PDFName.of('Dests'), PDFDict)?.lookup(name);
  const key = name.decodeText();
  const tree = catalog.lookupMaybe(PDFName.of('Names'), PDFDict)?.lookupMaybe(PDFName.of('Dests'), PDFDict);
  return tree ? findInNameTree(tree, key, 0) : undefined;
}

function findInNameTree(node: PDFDict, key: string, depth: number): PDFObject | undefined {
  if (depth > 32) return undefined;
  const names = node.lookupMaybe(PDFName.of('Names'), PDFArray);
  if (names) {
    for (let index = 0; index + 1 < names.size(); index += 2) {
      const candidate = names.lookup(index);
      if ((candidate instanceof PDFString || candidate instanceof PDFHexString) && candidate.decodeText() === key)
        return names.lookup(index + 1);
    }
  }
  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
  for (let index = 0; index < (kids?.size() ?? 0); index++) {
    const kid = kids?.lookupMaybe(index, PDFDict);
    const found = kid && findInNameTree(kid, key, depth + 1);
    if (found) return found;
  }
  return undefined;
}

function textOf(value: PDFObject | undefined): string {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : '';
}
