import { escapeHtml } from './html-escape.ts';
import { noteBodyHtml } from './note-body-html.ts';
import { packChangesHtml } from './pack-changes-html.ts';
import { printStylesheet, type RunningPage } from './print-stylesheet.ts';
import type { PrintNote, PrintOptions, PrintPack } from './print-types.ts';
import { frozenVersionLabel, printedDate, printWords } from './print-words.ts';

// The footer's left box is one line and the marking is centred beside it: a frozen version's name
// is cut short there (the title block prints it whole) and takes the place of the date.
const FOOTER_VERSION_NAME_MAX = 22;

// Placeholder of a table-of-contents page number on the first pass: as wide as the real numbers
// of a pack under 100 pages, so that the second pass lays out the same pages.
const TOC_PAGE_PLACEHOLDER = '00';

/**
 * One note as a complete HTML document to print: a title block (theme, title, status, date,
 * version, marking) for browsers that ignore page margin boxes, then the content, headings
 * shifted one level down under the title's h1.
 */
export function noteHtml(note: PrintNote, options: PrintOptions): string {
  return printDocument(note.title, [note], options, '', [false]);
}

/**
 * A briefing pack as one HTML document: a cover, a table of contents, the page of changes since
 * the last pack when `pack.changes` is given, then each note on a new page with its own running
 * header. Each note's title is the document's only h1 for that note (cover, contents and changes
 * use no heading elements), so a PDF outline has one entry per note.
 */
export function packHtml(pack: PrintPack, options: PrintOptions): string {
  const { cover, notes, layout } = pack;
  const words = printWords(options.language);
  const date = printedDate(cover.date, options.language);
  const coverHtml = `<section class="cover">
<p class="cover-marking">${escapeHtml(options.marking)}</p>
<p class="cover-title">${escapeHtml(cover.title)}</p>
${cover.recipient ? `<p class="cover-recipient">${escapeHtml(words.preparedFor)} ${escapeHtml(cover.recipient)}</p>` : ''}
<p class="cover-date">${escapeHtml(date)}</p>
</section>`;
  const entries = notes
    .map((note, index) => {
      const page = layout?.tocPages[index];
      const known = page !== undefined && Number.isSafeInteger(page) && page > 0;
      const number = known ? String(page) : TOC_PAGE_PLACEHOLDER;
      return `<li><a href="#note-${index + 1}"><span class="toc-entry">${
        note.theme ? `<span class="toc-theme">${escapeHtml(note.theme)}</span>` : ''
      }<span class="toc-title">${escapeHtml(note.title)}</span></span><span class="toc-leader"></span><span class="toc-page${known ? '' : ' toc-page-unknown'}">${number}</span></a></li>`;
    })
    .join('\n');
  const tocHtml = `<nav class="toc">
<p class="toc-heading">${escapeHtml(words.contents)}</p>
<ol>
${entries}
</ol>
</nav>`;
  const tocPage: RunningPage = { name: 'toc', header: cover.title, footer: date };
  const extraPages = [tocPage];
  let before = `${coverHtml}\n${tocHtml}`;
  if (pack.changes) {
    extraPages.push({ name: 'changes', header: words.changes.heading, footer: date });
    before += `\n${packChangesHtml(pack.changes, options.language)}`;
  }
  return printDocument(cover.title, notes, options, before, layout?.blankBefore ?? [], extraPages);
}

function printDocument(
  title: string,
  notes: readonly PrintNote[],
  options: PrintOptions,
  before: string,
  blankBefore: readonly boolean[],
  extraPages: readonly RunningPage[] = [],
): string {
  const words = printWords(options.language);
  const pages = notes.map((note, index) => ({
    name: `note-${index + 1}`,
    header: note.theme ? `${note.theme} · ${note.title}` : note.title,
    footer: note.frozen
      ? `${words.version} ${frozenVersionLabel(note.frozen, options.language, FOOTER_VERSION_NAME_MAX)}`
      : `${printedDate(note.date, options.language)} · ${words.version} ${note.version}`,
  }));
  const pageNames = pages.map(({ name }) => `.${name} { page: ${name}; }`).join('\n');
  const articles = notes
    .map((note, index) => {
      const blank = blankBefore[index] ? '<div class="blank"></div>\n' : '';
      return `${blank}<article class="note note-${index + 1}" id="note-${index + 1}">
${titleBlock(note, options)}
${noteBodyHtml(note.content, { headingShift: 1 })}
</article>`;
    })
    .join('\n');
  const stylesheet = printStylesheet(options, [...extraPages, ...pages], options.marking);
  return `<!DOCTYPE html>
<html lang="${options.language}">
<head>
<meta charset="utf-8">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>
${stylesheet}
${pageNames}
</style>
</head>
<body>
${before}
${articles}
</body>
</html>
`;
}

function titleBlock(note: PrintNote, options: PrintOptions): string {
  const words = printWords(options.language);
  const meta = [note.statusLabel, printedDate(note.date, options.language), `${words.version} ${note.version}`]
    .map(escapeHtml)
    .join(' · ');
  return `<header class="title-block">
${note.theme ? `<p class="title-theme">${escapeHtml(note.theme)}</p>` : ''}
<h1>${escapeHtml(note.title)}</h1>
<p class="title-meta">${meta}</p>
<p class="title-marking">${escapeHtml(options.marking)}</p>
</header>`;
}
