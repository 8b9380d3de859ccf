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

/**
 * Where the server's own Chromium finds the print fonts when they are linked rather than embedded:
 * a reserved domain that cannot resolve, answered from memory by the renderer (`printFontFiles`).
 */
export const LINKED_FONT_ORIGIN = 'https://fonts.plume.invalid';

/** How a printed document carries its fonts: inside it, or linked for the server's renderer. */
export type FontSource = 'embedded' | 'linked';

type FontFile = { url: string; face: (src: string) => string; path: string };

const require = createRequire(import.meta.url);
let files: FontFile[] | null = null;
const faces = new Map<FontSource, string>();

function fontFiles(): FontFile[] {
  files ??= FAMILIES.flatMap(({ family, package: name, file }) =>
    FACES.flatMap(({ weight, style }) =>
      Object.entries(SUBSETS).map(([subset, range]) => {
        const base = `${file}-${subset}-${weight}-${style}.woff2`;
        return {
          url: `${LINKED_FONT_ORIGIN}/${base}`,
          path: require.resolve(`${name}/files/${base}`),
          face: (src: string) =>
            `@font-face{font-family:"${family}";font-style:${style};font-weight:${weight};font-display:block;src:url(${src}) format("woff2");unicode-range:${range}}`,
        };
      }),
    ),
  );
  return files;
}

/**
 * The `@font-face` rules of the print fonts. Embedded, each file is a base64 data: URL, so that a
 * document printed by a browser never fetches anything. Linked, each names a URL under
 * `LINKED_FONT_ORIGIN`, which only the server's renderer answers: it then reads 80 KB of HTML
 * instead of 560 KB on each pass, and keeps the fonts decoded from one pass to the next.
 */
export function printFontFaces(source: FontSource = 'embedded'): string {
  let rules = faces.get(source);
  if (rules === undefined) {
    rules = fontFiles()
      .map(({ url, path, face }) =>
        face(source === 'linked' ? url : `data:font/woff2;base64,${readFileSync(path).toString('base64')}`),
      )
      .join('\n');
    faces.set(source, rules);
  }
  return rules;
}

let fileContents: ReadonlyMap<string, Uint8Array> | null = null;

/** The print font files by their linked URL, for the renderer to answer the requests of linked documents. */
export function printFontFiles(): ReadonlyMap<string, Uint8Array> {
  fileContents ??= new Map(fontFiles().map(({ url, path }) => [url, new Uint8Array(readFileSync(path))]));
  return fileContents;
}
