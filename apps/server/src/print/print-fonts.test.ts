import { describe, expect, it } from 'vitest';
import { printFontFaces, SANS_FAMILY, SERIF_FAMILY } from './print-fonts.ts';

describe('printFontFaces', () => {
  it('embeds the regular, semibold, bold and italic faces of both families, Latin and Latin Extended', () => {
    const css = printFontFaces();
    for (const family of [SERIF_FAMILY, SANS_FAMILY]) {
      for (const face of [
        'normal;font-weight:400',
        'normal;font-weight:600',
        'normal;font-weight:700',
        'italic;font-weight:400',
      ]) {
        expect(css.split(`font-family:"${family}";font-style:${face};`)).toHaveLength(3);
      }
    }
    expect(css).toContain('unicode-range:U+0000-00FF,');
    expect(css).toContain('unicode-range:U+0100-02BA,');
  });

  it('holds every file as a woff2 data: URL, read once', () => {
    const css = printFontFaces();
    const urls = [...css.matchAll(/url\(([^)]*)\)/g)].map((match) => match[1] ?? '');
    expect(urls).toHaveLength(16);
    for (const url of urls) expect(url).toMatch(/^data:font\/woff2;base64,d09GMg/);
    expect(printFontFaces()).toBe(css);
  });
});
