import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The serif family of the body text. */
export const SERIF_FAMILY = 'Plume Serif';

/** The sans-serif family of running headers, footers and labels. */
export const SANS_FAMILY = 'Plume Sans';

// The two subsets that cover French, English and the other Latin-script languages; their ranges
// are the ones @fontsource publishes, so a browser only ever uses the file holding a character.
const SUBSETS = {
  latin:
    'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
  'latin-ext':
    'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C4,U+2113,U+2C60-2C7F,U+A720-A7FF',
} as const;

const FACES = [
  { weight: 400, style: 'normal' },
  { weight: 600, style: 'normal' },
  { weight: 700, style: 'normal' },
  { weight: 400, style: 'italic' },
] as const;

const FAMILIES = [
  { family: SERIF_FAMILY, package: '@fontsource/source-serif-4', file: 'source-serif-4' },
  { family: SANS_FAMILY, package: '@fontsource/source-sans-3', file: 'source-sans-3' },
] as const;

const require = createRequire(import.meta.url);
let fontFaces: string | null = null;

/**
 * The `@font-face` rules of the print fonts, each file embedded as a base64 data: URL so that
 * printing never fetches anything. The files are read on first use and kept.
 */
export function printFontFaces(): string {
  fontFaces ??= FAMILIES.flatMap(({ family, package: name, file }) =>
    FACES.flatMap(({ weight, style }) =>
      Object.entries(SUBSETS).map(([subset, range]) => {
        const path = require.resolve(`${name}/files/${file}-${subset}-${weight}-${style}.woff2`);
        const data = readFileSync(path).toString('base64');
        return `@font-face{font-family:"${family}";font-style:${style};font-weight:${weight};font-display:block;src:url(data:font/woff2;base64,${data}) format("woff2");unicode-range:${range}}`;
      }),
    ),
  ).join('\n');
  return fontFaces;
}
