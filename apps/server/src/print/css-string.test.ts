import { describe, expect, it } from 'vitest';
import { cssString } from './css-string.ts';

describe('cssString', () => {
  it('keeps letters, digits and ordinary punctuation readable', () => {
    expect(cssString('Santé — Point de situation, 3 déc. (v2)')).toBe('"Santé — Point de situation, 3 déc. (v2)"');
  });

  it('writes quotes, backslashes and line breaks as hex escapes', () => {
    expect(cssString('a"b\\c\nd\'e')).toBe('"a\\22 b\\5C c\\A d\\27 e"');
  });

  it('escapes < so that a title cannot close the style element', () => {
    const literal = cssString('</style><script>alert(1)</script>');
    expect(literal).toBe('"\\3C \\2F style\\3E \\3C script\\3E alert(1)\\3C \\2F script\\3E "');
    expect(literal).not.toMatch(/[<>]/);
  });

  it('escapes characters outside the basic plane whole', () => {
    expect(cssString('😀')).toBe('"\\1F600 "');
  });
});
