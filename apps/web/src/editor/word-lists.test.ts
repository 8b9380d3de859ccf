import { describe, expect, it } from 'vitest';
import { listMarkerOf } from './word-lists.ts';

describe('the marker Word writes before a list paragraph', () => {
  it('makes a numbered list of numbers, letters and roman numerals', () => {
    expect(listMarkerOf('1.\u00a0\u00a0\u00a0 ')).toEqual({ ordered: true, type: '1', start: 1 });
    expect(listMarkerOf('12)')).toEqual({ ordered: true, type: '1', start: 12 });
    expect(listMarkerOf('2.3.')).toEqual({ ordered: true, type: '1', start: 3 });
    expect(listMarkerOf('(c)')).toEqual({ ordered: true, type: 'a', start: 3 });
    expect(listMarkerOf('B.')).toEqual({ ordered: true, type: 'A', start: 2 });
    expect(listMarkerOf('i.')).toEqual({ ordered: true, type: 'i', start: 1 });
    expect(listMarkerOf('IV.')).toEqual({ ordered: true, type: 'I', start: 1 });
  });

  it('makes a bulleted list of every other symbol', () => {
    for (const marker of ['·', 'o', '§', '-', '–', '•', 'Ø', '', 'ab']) {
      expect(listMarkerOf(`${marker}\u00a0\u00a0 `)).toEqual({ ordered: false });
    }
  });
});
