import { describe, expect, it } from 'vitest';
import { printStylesheet, runningPageRule, shortened } from './print-stylesheet.ts';

const HOSTILE = '</style><script>alert(1)</script>';

describe('shortened', () => {
  it('keeps text that fits and cuts longer text with an ellipsis', () => {
    expect(shortened('Santé · Point de situation', 70)).toBe('Santé · Point de situation');
    const cut = shortened('x'.repeat(100), 70);
    expect([...cut]).toHaveLength(70);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('counts characters outside the basic plane once and never splits them', () => {
    expect(shortened('😀'.repeat(10), 5)).toBe('😀😀😀😀…');
  });

  it('collapses white space, line breaks included', () => {
    expect(shortened(' a \n\t b ')).toBe('a b');
  });
});

describe('runningPageRule', () => {
  it('puts the header, the footer, the marking and the page counter in the margin boxes', () => {
    const rule = runningPageRule(
      { name: 'note-1', header: 'Santé · Hôpital', footer: '2 décembre 2026 · Version 1a2b3c4d' },
      'Confidentiel',
    );
    expect(rule).toContain('@page note-1 {');
    expect(rule).toContain('@top-left { content: "Santé · Hôpital";');
    expect(rule).toContain('@bottom-left { content: "2 décembre 2026 · Version 1a2b3c4d";');
    expect(rule).toContain('@bottom-center { content: "Confidentiel";');
    expect(rule).toContain('@bottom-right { content: "Page " counter(page) " / " counter(pages);');
  });

  it('writes hostile header, footer and marking as CSS strings that cannot end the style element', () => {
    const rule = runningPageRule({ name: 'note-1', header: HOSTILE, footer: `"; } * { display: none` }, HOSTILE);
    expect(rule).not.toMatch(/[<>]/);
    expect(rule).toContain('@bottom-left { content: "\\22 ; \\7D  \\2A  \\7B  display: none";');
    expect(rule).toContain('content: "\\3C \\2F style\\3E');
  });

  it('shortens a long header', () => {
    const rule = runningPageRule({ name: 'note-1', header: 'y'.repeat(200), footer: '' }, '');
    expect(rule).toContain(`"${'y'.repeat(69)}…"`);
  });

  it('refuses a page name that is not a CSS identifier', () => {
    expect(() => runningPageRule({ name: 'x { }', header: '', footer: '' }, '')).toThrow('invalid page name');
  });
});

describe('printStylesheet', () => {
  it('sets the paper size and the body size of the edition', () => {
    const a4 = printStylesheet({ paper: 'A4', largeType: false }, [], 'm');
    expect(a4).toContain('size: A4;');
    expect(a4).toContain('html { font-size: 11pt; }');
    const letter = printStylesheet({ paper: 'Letter', largeType: true }, [], 'm');
    expect(letter).toContain('size: letter;');
    expect(letter).toContain('html { font-size: 15.5pt; }');
  });

  it('keeps headings with what follows, repeats table headers, honours page breaks and avoids widows', () => {
    const css = printStylesheet({ paper: 'A4', largeType: false }, [], 'm');
    expect(css).toMatch(/h1, h2, h3, h4 \{[^}]*break-after: avoid;/);
    expect(css).toContain('thead { display: table-header-group; }');
    expect(css).toContain('tr { break-inside: avoid;');
    expect(css).toMatch(/\.page-break \{ break-after: page;/);
    expect(css).toContain('widows: 3; orphans: 3;');
  });

  it('embeds its fonts and fetches nothing', () => {
    const css = printStylesheet({ paper: 'A4', largeType: false }, [], 'm');
    expect(css.match(/@font-face/g)).toHaveLength(16);
    expect(css).not.toMatch(/url\((?!data:font\/woff2;base64,)/);
    expect(css).not.toContain('@import');
  });
});
