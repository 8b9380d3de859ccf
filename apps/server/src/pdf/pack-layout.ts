import type { PackLayout } from '../print/index.ts';

/** How many pages each part of a pack takes, as a rendering measured them. */
export type PackPageCounts = {
  /** Pages before the first note: the cover and the table of contents, blank pages excluded. */
  frontPages: number;
  /** Pages each note takes, in pack order, blank pages excluded; each is at least 1. */
  notePages: readonly number[];
};

/**
 * Where each note starts, and which notes get a blank page before them so that, double-sided,
 * every note starts on a right-hand (odd) page; a blank page shifts every later note by one.
 */
export function packLayout(counts: PackPageCounts, doubleSided: boolean): PackLayout {
  const tocPages: number[] = [];
  const blankBefore: boolean[] = [];
  let page = counts.frontPages + 1;
  for (const pages of counts.notePages) {
    const blank = doubleSided && page % 2 === 0;
    if (blank) page++;
    blankBefore.push(blank);
    tocPages.push(page);
    page += pages;
  }
  return { tocPages, blankBefore };
}

/**
 * Measures a rendered pack from the page each note starts on (from its outline), its page count
 * and the blank pages it was given (none on a first pass); throws when the starts are impossible.
 */
export function measurePack(
  starts: readonly number[],
  pageCount: number,
  blankBefore: readonly boolean[] = [],
): PackPageCounts {
  const blanks = (index: number) => (blankBefore[index] ? 1 : 0);
  const first = starts[0];
  if (first === undefined) throw new Error('a pack holds at least one note');
  const frontPages = first - 1 - blanks(0);
  const notePages = starts.map((start, index) => {
    const end = index + 1 < starts.length ? (starts[index + 1] as number) - blanks(index + 1) : pageCount + 1;
    return end - start;
  });
  if (frontPages < 1 || notePages.some((pages) => pages < 1))
    throw new Error(`a pack's notes start on impossible pages: ${starts.join(', ')} of ${pageCount}`);
  return { frontPages, notePages };
}
