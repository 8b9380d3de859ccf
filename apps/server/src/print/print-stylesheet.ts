import { cssString } from './css-string.ts';
import { printFontFaces, SANS_FAMILY, SERIF_FAMILY } from './print-fonts.ts';
import type { PaperSize, PrintOptions } from './print-types.ts';

/** Longest running header, in characters; longer ones are cut and end with an ellipsis. */
export const RUNNING_HEADER_MAX_LENGTH = 70;

/** What the margin boxes of one named page show. */
export type RunningPage = {
  /** The CSS page name, e.g. `note-1`; letters, digits and hyphens only. */
  name: string;
  /** The running header, e.g. "Défense · Point de situation"; shortened to fit. */
  header: string;
  /** The left part of the footer, e.g. "2 décembre 2026 · Version 1a2b3c4d". */
  footer: string;
};

// Margin boxes inherit nothing from the body: each one names its font. Chromium takes no
// comma-grouped margin rules, hence the same declarations in every box.
const marginBox = (largeType: boolean) =>
  `font-family: "${SANS_FAMILY}", "Helvetica Neue", Arial, sans-serif; font-size: ${largeType ? '10.5pt' : '8pt'}; color: #444`;

const PAGE_SIZES: Record<PaperSize, string> = { A4: 'A4', Letter: 'letter' };

/** `text` cut to at most `max` characters (whole code points), ending with an ellipsis when cut. */
export function shortened(text: string, max: number = RUNNING_HEADER_MAX_LENGTH): string {
  const characters = [...text.replace(/\s+/g, ' ').trim()];
  if (characters.length <= max) return characters.join('');
  return `${characters
    .slice(0, max - 1)
    .join('')
    .trimEnd()}…`;
}

/**
 * The `@page` rule of a named page with a running header and the footer "date · version",
 * marking, "Page x / y", in larger type for the large-type edition. Every text goes through `cssString`, so none of it can end the rule or
 * the `<style>` element.
 */
export function runningPageRule(page: RunningPage, marking: string, largeType = false): string {
  const box = marginBox(largeType);
  if (!/^[a-z][a-z0-9-]*$/.test(page.name)) throw new Error(`invalid page name "${page.name}"`);
  return `@page ${page.name} {
  @top-left { content: ${cssString(shortened(page.header))}; ${box}; vertical-align: bottom; padding-bottom: 5mm; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  @bottom-left { content: ${cssString(page.footer)}; ${box}; vertical-align: top; padding-top: 5mm; white-space: nowrap; }
  @bottom-center { content: ${cssString(marking)}; ${box}; vertical-align: top; padding-top: 5mm; text-align: center; font-weight: 600; }
  @bottom-right { content: "Page " counter(page) " / " counter(pages); ${box}; vertical-align: top; padding-top: 5mm; white-space: nowrap; text-align: right; }
}`;
}

/**
 * The print stylesheet every print path shares: page size and margins, embedded fonts, the body
 * typography, and the rules that keep headings with what follows them, repeat table headers and
 * honour page breaks. Named pages `cover` and `blank` have no header or footer.
 */
export function printStylesheet(
  options: Pick<PrintOptions, 'paper' | 'largeType' | 'fonts'>,
  pages: readonly RunningPage[],
  marking: string,
): string {
  const bodySize = options.largeType ? '15.5pt' : '11pt';
  return [
    printFontFaces(options.fonts),
    baseRules(PAGE_SIZES[options.paper], bodySize),
    ...pages.map((page) => runningPageRule(page, marking, options.largeType)),
  ].join('\n');
}

function baseRules(size: string, bodySize: string): string {
  return `@page {
  size: ${size};
  margin: 22mm 20mm 24mm 20mm;
}
@page cover { margin: 30mm 25mm; }
@page blank { }
:root { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
html { font-size: ${bodySize}; }
body {
  margin: 0;
  font-family: "${SERIF_FAMILY}", Georgia, "Times New Roman", serif;
  font-size: 1rem;
  line-height: 1.45;
  color: #111;
  hyphens: auto;
  overflow-wrap: break-word;
  font-variant-numeric: oldstyle-nums proportional-nums;
  font-kerning: normal;
}
@media screen {
  body { max-width: 170mm; margin: 2rem auto; padding: 0 1rem; }
}
p, li, blockquote { widows: 3; orphans: 3; }
p { margin: 0 0 0.6em; }
h1, h2, h3, h4 {
  font-family: "${SANS_FAMILY}", "Helvetica Neue", Arial, sans-serif;
  font-weight: 600;
  line-height: 1.2;
  break-after: avoid;
  page-break-after: avoid;
  break-inside: avoid;
  hyphens: manual;
}
h1 { font-size: 1.9em; font-weight: 700; margin: 0.1em 0 0.3em; }
h2 { font-size: 1.4em; margin: 1.3em 0 0.45em; }
h3 { font-size: 1.18em; margin: 1.1em 0 0.4em; }
h4 { font-size: 1.02em; margin: 1em 0 0.35em; }
ul, ol { margin: 0 0 0.6em; padding-left: 1.4em; }
li > p { margin-bottom: 0.25em; }
ul.task-list { list-style: none; padding-left: 0.2em; }
li.task-item { display: flex; gap: 0.45em; align-items: baseline; }
.task-box { font-family: "DejaVu Sans", "Segoe UI Symbol", sans-serif; flex: none; }
li.task-done > .task-body { color: #555; }
blockquote { margin: 0.8em 0; padding: 0.1em 0 0.1em 1em; border-left: 2px solid #999; color: #333; font-style: italic; }
pre { font-size: 0.85em; white-space: pre-wrap; background: #f4f4f4; padding: 0.6em 0.8em; break-inside: avoid; }
code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.88em; }
mark { background: #fff0a0; color: inherit; }
a { color: inherit; text-decoration: underline; text-decoration-thickness: 0.5pt; text-underline-offset: 2pt; }
.link-address { font-size: 0.85em; color: #444; word-break: break-all; }
hr { border: 0; border-top: 0.75pt solid #888; margin: 1.2em 25%; }
.page-break { break-after: page; page-break-after: always; height: 0; }
table { border-collapse: collapse; width: 100%; margin: 0.8em 0 1em; font-size: 0.92em; line-height: 1.3; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.5pt solid #777; padding: 0.3em 0.5em; vertical-align: top; text-align: left; }
th { background: #ececec; font-family: "${SANS_FAMILY}", "Helvetica Neue", Arial, sans-serif; font-weight: 600; }
th > p:last-child, td > p:last-child { margin-bottom: 0; }
.align-left { text-align: left; }
.align-center { text-align: center; }
.align-right { text-align: right; }
.note { break-before: page; }
.note:first-of-type { break-before: auto; }
.title-block { margin-bottom: 1.6em; padding-bottom: 0.8em; border-bottom: 1pt solid #111; break-inside: avoid; }
.title-theme, .title-meta, .title-marking {
  font-family: "${SANS_FAMILY}", "Helvetica Neue", Arial, sans-serif;
  font-size: 0.82em;
  margin: 0;
}
.title-theme { text-transform: uppercase; letter-spacing: 0.08em; color: #555; }
.title-meta { color: #333; }
.title-marking { margin-top: 0.3em; font-weight: 600; letter-spacing: 0.02em; }
.cover {
  page: cover;
  break-after: page;
  min-height: 200mm;
  display: flex;
  flex-direction: column;
  justify-content: center;
  font-family: "${SANS_FAMILY}", "Helvetica Neue", Arial, sans-serif;
}
.cover-marking { font-weight: 600; letter-spacing: 0.04em; text-transform: uppercase; font-size: 0.85em; margin-bottom: 3em; }
.cover-title { font-family: "${SERIF_FAMILY}", Georgia, serif; font-size: 2.6em; font-weight: 700; line-height: 1.15; margin: 0 0 0.6em; }
.cover-recipient { font-size: 1.15em; margin: 0 0 0.3em; }
.cover-date { font-size: 1.05em; color: #444; margin: 0; }
.toc { page: toc; break-after: page; }
.toc-heading { font-family: "${SANS_FAMILY}", "Helvetica Neue", Arial, sans-serif; font-size: 1.5em; font-weight: 600; margin: 0 0 1.2em; }
.toc ol { list-style: none; padding: 0; margin: 0; }
.toc li { margin: 0 0 0.7em; break-inside: avoid; }
.toc a { display: flex; align-items: last baseline; gap: 0.4em; text-decoration: none; }
.toc-entry { flex: 0 1 auto; }
.toc-theme { display: block; font-family: "${SANS_FAMILY}", "Helvetica Neue", Arial, sans-serif; font-size: 0.75em; text-transform: uppercase; letter-spacing: 0.08em; color: #555; }
.toc-leader { flex: 1 1 2em; border-bottom: 1pt dotted #888; }
.toc-page { flex: none; font-variant-numeric: lining-nums tabular-nums; }
/* Before the page numbers are known (first pass, or printed from the browser) they take their room unseen. */
.toc-page-unknown { visibility: hidden; }
.blank { page: blank; break-after: page; height: 1px; }
ins { text-decoration: underline; text-decoration-thickness: 1pt; text-underline-offset: 2pt; background: #e3f4e1; }
del { text-decoration: line-through; text-decoration-thickness: 1pt; color: #7a1f1f; background: #fbe4e4; }
.change-author { font-family: "${SANS_FAMILY}", "Helvetica Neue", Arial, sans-serif; font-size: 0.72em; color: #444; vertical-align: super; margin: 0 0.2em; }
.changes { page: changes; break-after: page; }
.changes-heading { font-family: "${SANS_FAMILY}", "Helvetica Neue", Arial, sans-serif; font-size: 1.5em; font-weight: 600; margin: 0 0 1.2em; }
.changes ol { list-style: none; padding: 0; margin: 0; }
.changes-note { margin: 0 0 1.2em; }
.changes-title { font-family: "${SANS_FAMILY}", "Helvetica Neue", Arial, sans-serif; font-weight: 600; margin: 0 0 0.2em; break-after: avoid; }
.changes-state { font-weight: 400; color: #444; margin-left: 0.4em; }
.changes-since, .changes-omitted { font-size: 0.85em; color: #444; margin: 0 0 0.3em; }
.changes-tallies { font-size: 0.9em; margin: 0 0 0.4em; }
.changes-passage { margin: 0 0 0.4em 0.8em; padding-left: 0.6em; border-left: 1.5pt solid #bbb; }`;
}
