import { isSafeHref, type NoteContent } from '@plume/editor-schema';

type Mark = NonNullable<NoteContent['marks']>[number];

/** Marks Markdown can write, outermost first; underline and highlight have no Markdown form and are dropped. */
const MARK_ORDER = ['link', 'bold', 'italic', 'strike', 'code'] as const;
type WrittenMark = (typeof MARK_ORDER)[number];

/**
 * A note's content as CommonMark with GFM tables and task lists. Every character of the note's
 * text is escaped so that it reads back as text, never as markup. Normalisations: underline and
 * highlight are dropped, page breaks become thematic breaks, a table's first row becomes its
 * header row, paragraphs inside a table cell are joined by spaces, and links without a safe
 * http(s) or mailto target keep only their text.
 */
export function noteAsMarkdown(content: NoteContent): string {
  const blocks = blocksOf(content.content ?? []);
  return blocks.length === 0 ? '' : `${blocks.join('\n\n')}\n`;
}

// Two lists written one after the other with the same marker would read back as one list: a list
// right after another takes the other bullet ('-' or '*') or the other number delimiter ('.' or ')').
const BULLETS = ['-', '*'] as const;
const DELIMITERS = ['.', ')'] as const;

type ListMarkers = { bullet: (typeof BULLETS)[number]; delimiter: (typeof DELIMITERS)[number] };

function blocksOf(nodes: readonly NoteContent[]): string[] {
  const blocks: string[] = [];
  let previous: NoteContent | undefined;
  let markers: ListMarkers = { bullet: '-', delimiter: '.' };
  for (const node of nodes) {
    const bulleted = (type: unknown) => type === 'bulletList' || type === 'taskList';
    if (bulleted(node.type) && bulleted(previous?.type))
      markers = { ...markers, bullet: markers.bullet === '-' ? '*' : '-' };
    else if (node.type === 'orderedList' && previous?.type === 'orderedList')
      markers = { ...markers, delimiter: markers.delimiter === '.' ? ')' : '.' };
    else markers = { bullet: '-', delimiter: '.' };
    const block = blockOf(node, markers);
    if (block !== null) blocks.push(block);
    previous = node;
  }
  return blocks;
}

function blockOf(node: NoteContent, markers: ListMarkers): string | null {
  const children = node.content ?? [];
  switch (node.type) {
    case 'paragraph':
      return escapeLineStarts(inlineOf(children)) || null;
    case 'heading': {
      const level = Number(node.attrs?.level ?? 1);
      // A heading holds one line: its line breaks become spaces.
      const text = inlineOf(children, ' ');
      return text ? `${'#'.repeat(level)} ${text}` : null;
    }
    case 'blockquote':
      return prefixLines(blocksOf(children).join('\n\n'), '> ', '>');
    case 'bulletList':
      return listOf(children, () => markers.bullet);
    case 'orderedList': {
      const start = Number(node.attrs?.start ?? 1);
      return listOf(children, (index) => `${start + index}${markers.delimiter}`);
    }
    case 'taskList':
      return listOf(children, (_index, item) => `${markers.bullet} [${item.attrs?.checked === true ? 'x' : ' '}]`);
    case 'codeBlock':
      return codeBlockOf(node);
    case 'horizontalRule':
      return '---';
    case 'pageBreak':
      return '***';
    case 'table':
      return tableOf(children);
    default:
      // An unknown block still gives its text, so nothing a reader wrote is lost.
      return children.length > 0 ? blocksOf(children).join('\n\n') || null : null;
  }
}

function listOf(items: readonly NoteContent[], marker: (index: number, item: NoteContent) => string): string {
  return items
    .map((item, index) => {
      const bullet = `${marker(index, item)} `;
      const body = blocksOf(item.content ?? []).join('\n\n');
      return prefixLines(body, bullet, ' '.repeat(bullet.length), true);
    })
    .join('\n');
}

// Continuation lines get `rest`; blank lines stay blank unless `blankRest` is given (blockquotes need '>').
function prefixLines(text: string, first: string, rest: string, indentOnly = false): string {
  if (text === '') return first.trimEnd();
  return text
    .split('\n')
    .map((line, index) => {
      if (index === 0) return first + line;
      if (line === '') return indentOnly ? '' : rest;
      return (indentOnly ? rest : `${rest.trimEnd()} `) + line;
    })
    .join('\n');
}

function codeBlockOf(node: NoteContent): string {
  const code = (node.content ?? []).map((child) => child.text ?? '').join('');
  const longestRun = Math.max(2, ...Array.from(code.matchAll(/`+/g), (match) => match[0].length));
  const fence = '`'.repeat(longestRun + 1);
  const language = typeof node.attrs?.language === 'string' ? node.attrs.language : '';
  return `${fence}${language}\n${code}\n${fence}`;
}

function tableOf(rows: readonly NoteContent[]): string | null {
  const grid = rows.map((row) => (row.content ?? []).map((cell) => cellText(cell)));
  const width = Math.max(0, ...grid.map((cells) => cells.length));
  if (width === 0) return null;
  const firstCells = rows[0]?.content ?? [];
  const line = (cells: readonly string[]) =>
    `| ${Array.from({ length: width }, (_, index) => cells[index] ?? '').join(' | ')} |`;
  const rule = Array.from({ length: width }, (_, index) => {
    const align = firstCells[index]?.attrs?.align;
    if (align === 'center') return ':---:';
    if (align === 'right') return '---:';
    if (align === 'left') return ':---';
    return '---';
  });
  return [line(grid[0] ?? []), `| ${rule.join(' | ')} |`, ...grid.slice(1).map(line)].join('\n');
}

// A GFM cell holds one line: its paragraphs are joined by spaces and its line breaks become spaces.
function cellText(cell: NoteContent): string {
  const texts: string[] = [];
  const walk = (node: NoteContent) => {
    if (node.type === 'paragraph' || node.type === 'heading') {
      const text = inlineOf(node.content ?? [], ' ');
      if (text) texts.push(text);
      return;
    }
    for (const child of node.content ?? []) walk(child);
  };
  walk(cell);
  return texts.join(' ');
}

/** The inline content of a block as Markdown; `hardBreak` is what a line break becomes. */
function inlineOf(nodes: readonly NoteContent[], hardBreak = '\\\n'): string {
  let out = '';
  let open: Mark[] = [];
  const close = (count: number) => {
    // Emphasis cannot close after a space: the trailing spaces move outside the closing delimiters.
    const trailing = /\s*$/.exec(out)?.[0] ?? '';
    out = out.slice(0, out.length - trailing.length);
    for (const mark of open.slice(open.length - count).reverse()) out += closingOf(mark);
    open = open.slice(0, open.length - count);
    out += trailing;
  };
  for (const node of nodes) {
    if (node.type === 'hardBreak') {
      close(open.length);
      out += hardBreak;
      continue;
    }
    if (node.type !== 'text' || !node.text) continue;
    const marks = writtenMarks(node.marks ?? []);
    let shared = 0;
    while (shared < open.length && shared < marks.length && sameMark(open[shared] as Mark, marks[shared] as Mark))
      shared++;
    close(open.length - shared);
    const hasCode = marks.some((mark) => mark.type === 'code');
    let text = node.text.replace(/[\r\n]+/g, ' ');
    if (!hasCode) text = escapeInline(text);
    // Opening delimiters cannot be followed by a space either.
    const leading = /^\s*/.exec(text)?.[0] ?? '';
    if (marks.length > shared) {
      out += leading;
      text = text.slice(leading.length);
    }
    for (const mark of marks.slice(shared)) out += openingOf(mark);
    open = marks;
    out += hasCode ? codeSpan(text) : text;
  }
  close(open.length);
  return out;
}

function writtenMarks(marks: readonly Mark[]): Mark[] {
  const kept = marks.filter(
    (mark) =>
      (MARK_ORDER as readonly string[]).includes(mark.type) && (mark.type !== 'link' || isSafeHref(mark.attrs?.href)),
  );
  return kept.sort((a, b) => MARK_ORDER.indexOf(a.type as WrittenMark) - MARK_ORDER.indexOf(b.type as WrittenMark));
}

function sameMark(a: Mark, b: Mark): boolean {
  return a.type === b.type && (a.type !== 'link' || a.attrs?.href === b.attrs?.href);
}

// Marks Markdown writes as the same delimiter on both sides; links have their own syntax.
const MARK_DELIMITERS: Readonly<Record<string, string>> = { bold: '**', italic: '*', strike: '~~' };

function openingOf(mark: Mark): string {
  return mark.type === 'link' ? '[' : (MARK_DELIMITERS[mark.type] ?? '');
}

function closingOf(mark: Mark): string {
  if (mark.type !== 'link') return MARK_DELIMITERS[mark.type] ?? '';
  return `](${String(mark.attrs?.href).replace(/[()\\]/g, (character) => `\\${character}`)})`;
}

// Code spans cannot escape: the fence is longer than any run of backticks inside.
function codeSpan(text: string): string {
  const longestRun = Math.max(0, ...Array.from(text.matchAll(/`+/g), (match) => match[0].length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || /^ .* $/.test(text) ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

// Every character that can start inline markup anywhere: emphasis, code, links, images, raw HTML,
// entities, strikethrough, table pipes, headings and the backslash itself.
function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>&|~#!]/g, (character) => `\\${character}`);
}

// What only means something at the start of a line: block quotes, list markers, setext underlines,
// thematic breaks, and the leading spaces that would make an indented code block.
function escapeLineStarts(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line
        .replace(/^(\s*)([-+=>])/, '$1\\$2')
        .replace(/^(\s*\d{1,9})([.)])/, '$1\\$2')
        .replace(/^ +/, (spaces) => '&#32;'.repeat(spaces.length)),
    )
    .join('\n');
}
