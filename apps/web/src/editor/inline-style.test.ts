import { describe, expect, it } from 'vitest';
import { parseInlineStyle } from './inline-style.ts';

describe('reading an inline style', () => {
  it('maps lower-case properties to their values, the last one winning', () => {
    expect(parseInlineStyle('FONT-WEIGHT: 700; font-style:italic ;font-weight:bold')).toEqual(
      new Map([
        ['font-weight', 'bold'],
        ['font-style', 'italic'],
      ]),
    );
  });

  it('reads Word’s own properties and quoted font names', () => {
    const style = parseInlineStyle('font:7.0pt "Times;New Roman";mso-list:l0 level2 lfo1; color : red !important');
    expect(style.get('font')).toBe('7.0pt "Times;New Roman"');
    expect(style.get('mso-list')).toBe('l0 level2 lfo1');
    expect(style.get('color')).toBe('red');
  });

  it('skips what is not a declaration', () => {
    expect(parseInlineStyle(';;: x; nocolon; url(a;b): y; background: url("a;b")')).toEqual(
      new Map([['background', 'url("a;b")']]),
    );
  });
});
