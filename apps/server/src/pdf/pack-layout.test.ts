import { describe, expect, it } from 'vitest';
import { measurePack, packLayout } from './pack-layout.ts';

describe('packLayout', () => {
  it('starts each note right after the previous one when printed on one side', () => {
    expect(packLayout({ frontPages: 2, notePages: [3, 1, 2] }, false)).toEqual({
      tocPages: [3, 6, 7],
      blankBefore: [false, false, false],
    });
  });

  it('puts a blank page before every note that would start on a left-hand page', () => {
    // Cover and contents take 2 pages: note 1 starts on 3, ends on 5; note 2 would start on 6.
    expect(packLayout({ frontPages: 2, notePages: [3, 2, 1, 1] }, true)).toEqual({
      tocPages: [3, 7, 9, 11],
      blankBefore: [false, true, false, true],
    });
  });

  it('counts the pages blank pages add before deciding on the next note', () => {
    // One-sided, notes start on 3, 4 and 5: the blank before note 2 moves note 3 to an even page.
    const layout = packLayout({ frontPages: 2, notePages: [1, 1, 1] }, true);
    expect(layout).toEqual({ tocPages: [3, 5, 7], blankBefore: [false, true, true] });
    for (const page of layout.tocPages) expect(page % 2).toBe(1);
  });
});

describe('measurePack', () => {
  it('measures the front matter and each note from where notes start', () => {
    expect(measurePack([3, 6, 7], 8)).toEqual({ frontPages: 2, notePages: [3, 1, 2] });
  });

  it('leaves blank pages out of what a note takes', () => {
    expect(measurePack([3, 7, 9, 11], 11, [false, true, false, true])).toEqual({
      frontPages: 2,
      notePages: [3, 2, 1, 1],
    });
  });

  it('gives back the layout it was measured from', () => {
    const counts = { frontPages: 3, notePages: [2, 5, 1, 1, 4] };
    const layout = packLayout(counts, true);
    const pageCount = (layout.tocPages.at(-1) ?? 0) + 3;
    expect(measurePack(layout.tocPages, pageCount, layout.blankBefore)).toEqual(counts);
  });

  it('refuses starts that leave a note without pages', () => {
    expect(() => measurePack([3, 3], 5)).toThrow(/impossible pages/);
    expect(() => measurePack([1, 2], 5)).toThrow(/impossible pages/);
  });
});
