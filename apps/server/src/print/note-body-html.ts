import { CELL_ALIGNMENTS, isSafeHref, type NoteContent } from '@plume/editor-schema';
import { CHANGE_MARKS } from '@plume/protocol';
import { escapeHtml } from './html-escape.ts';

/** How a note's content is turned into HTML. */
export type BodyHtmlOptions = {
  /** Levels added to every heading: 1 turns the note's h1–h3 into h2–h4, under the note's own h1 title. */
  headingShift: number;
  /**
   * Names the author of a change (`attrs.author` of an `inserted` or `deleted` mark, null when
   * unknown); when given, each run of one person's insertion or deletion is followed by their name.
   */
  changeAuthor?: (author: string | null) => string;
};

type Mark = { type: string; attrs?: Record<string, unknown> };
type Node = NoteContent;

const HEADING_MAX = 6;

// The tags of the simple marks, outermost first so that the markup is the same whatever order
// the document lists them in.
const MARK_TAGS: ReadonlyArray<readonly [string, string]> = [
  [CHANGE_MARKS.inserted, 'ins'],
  [CHANGE_MARKS.deleted, 'del'],
  ['bold', 'strong'],
  ['italic', 'em'],
  ['underline', 'u'],
  ['strike', 's'],
  ['highlight', 'mark'],
  ['code', 'code'],
];

/**
 * A note's content (ProseMirror JSON valid in the editor schema) as HTML for print: every text
 * and attribute escaped, links kept only for http(s) and mailto targets, task boxes drawn as
 * text, table header rows in a `<thead>` so they repeat on each page, a comparison's `inserted`
 * and `deleted` marks as `<ins>` and `<del>`.
 */
export function noteBodyHtml(content: NoteContent, options: BodyHtmlOptions): string {
  return blocks(content.content, options);
}

function blocks(children: readonly Node[] | undefined, options: BodyHtmlOptions): string {
  return (children ?? []).map((child) => block(child, options)).join('');
}

function block(node: Node, options: BodyHtmlOptions): string {
  switch (node.type) {
    case 'paragraph':
      return `<p>${inlineHtml(node.content, options)}</p>`;
    case 'heading': {
      const level = Math.min(HEADING_MAX, clampInteger(node.attrs?.level, 1, 3, 1) + options.headingShift);
      return `<h${level}>${inlineHtml(node.content, options)}</h${level}>`;
    }
    case 'bulletList':
      return `<ul>${blocks(itemsWithText(node), options)}</ul>`;
    case 'orderedList': {
      const start = clampInteger(node.attrs?.start, 0, 1_000_000, 1);
      return `<ol${start === 1 ? '' : ` start="${start}"`}>${blocks(itemsWithText(node), options)}</ol>`;
    }
    case 'listItem':
      return `<li>${blocks(node.content, options)}</li>`;
    case 'taskList':
      return `<ul class="task-list">${blocks(node.content, options)}</ul>`;
    case 'taskItem': {
      const checked = node.attrs?.checked === true;
      // A drawn box, not an <input>: it prints the same everywhere and nothing in it can be clicked.
      return `<li class="task-item${checked ? ' task-done' : ''}"><span class="task-box" aria-hidden="true">${
        checked ? '☑' : '☐'
      }</span><div class="task-body">${blocks(node.content, options)}</div></li>`;
    }
    case 'blockquote':
      return `<blockquote>${blocks(node.content, options)}</blockquote>`;
    case 'codeBlock':
      return `<pre><code>${escapeHtml(plainText(node))}</code></pre>`;
    case 'horizontalRule':
      return '<hr>';
    case 'pageBreak':
      return '<div class="page-break"></div>';
    case 'table':
      return table(node, options);
    default:
      // The schema admits nothing else; unknown content still prints as its text.
      return node.content ? blocks(node.content, options) : '';
  }
}

// The empty item a writer leaves after the last one is there on screen, but on paper it would
// be a bullet or a number with nothing beside it.
function itemsWithText(list: Node): Node[] {
  return (list.content ?? []).filter((item) => plainText(item).trim() !== '');
}

function table(node: Node, options: BodyHtmlOptions): string {
  const rows = node.content ?? [];
  const [first, ...rest] = rows;
  const firstIsHeader =
    first !== undefined && (first.content ?? []).length > 0 && (first.content ?? []).every(isHeaderCell);
  const head = firstIsHeader ? `<thead>${row(first, options)}</thead>` : '';
  const body = (firstIsHeader ? rest : rows).map((child) => row(child, options)).join('');
  return `<table>${head}${body ? `<tbody>${body}</tbody>` : ''}</table>`;
}

function row(node: Node, options: BodyHtmlOptions): string {
  return `<tr>${(node.content ?? []).map((cell) => tableCell(cell, options)).join('')}</tr>`;
}

function tableCell(node: Node, options: BodyHtmlOptions): string {
  const tag = isHeaderCell(node) ? 'th' : 'td';
  const colspan = clampInteger(node.attrs?.colspan, 1, 1_000, 1);
  const rowspan = clampInteger(node.attrs?.rowspan, 1, 65_534, 1);
  const align = node.attrs?.align;
  const attributes = [
    colspan > 1 ? ` colspan="${colspan}"` : '',
    rowspan > 1 ? ` rowspan="${rowspan}"` : '',
    typeof align === 'string' && (CELL_ALIGNMENTS as readonly string[]).includes(align)
      ? ` class="align-${align}"`
      : '',
  ].join('');
  return `<${tag}${attributes}>${blocks(node.content, options)}</${tag}>`;
}

function isHeaderCell(node: Node): boolean {
  return node.type === 'tableHeader';
}

/**
 * Runs of inline nodes, consecutive nodes with the same link target grouped under one `<a>`.
 * Exported for the pack's page of changes, which prints passages without their block.
 */
export function inlineHtml(
  children: readonly Node[] | undefined,
  options: Pick<BodyHtmlOptions, 'changeAuthor'>,
): string {
  const nodes = children ?? [];
  let html = '';
  let index = 0;
  while (index < nodes.length) {
    const href = linkOf(nodes[index] as Node);
    let end = index + 1;
    while (end < nodes.length && linkOf(nodes[end] as Node) === href) end++;
    const run = nodes.slice(index, end);
    const inner = run
      .map((node, offset) => inlineNode(node) + authorAfter(nodes, index + offset, options.changeAuthor))
      .join('');
    if (href === null) html += inner;
    else {
      const text = run.map((node) => node.text ?? '').join('');
      // On paper a link is only useful with its address, unless the text already is the address.
      const address = sameAddress(text, href)
        ? ''
        : `<span class="link-address"> (${escapeHtml(displayAddress(href))})</span>`;
      html += `<a href="${escapeHtml(href)}">${inner}</a>${address}`;
    }
    index = end;
  }
  return html;
}

function inlineNode(node: Node): string {
  if (node.type === 'hardBreak') return '<br>';
  if (node.type !== 'text') return '';
  let html = escapeHtml(node.text ?? '');
  const names = new Set((node.marks ?? []).map((mark) => mark.type));
  for (let index = MARK_TAGS.length - 1; index >= 0; index--) {
    const [name, tag] = MARK_TAGS[index] as readonly [string, string];
    if (names.has(name)) html = `<${tag}>${html}</${tag}>`;
  }
  return html;
}

type Change = { kind: string; author: string | null };

function changeOf(node: Node | undefined): Change | null {
  const mark = (node?.marks as Mark[] | undefined)?.find(
    ({ type }) => type === CHANGE_MARKS.inserted || type === CHANGE_MARKS.deleted,
  );
  if (!mark) return null;
  const author = mark.attrs?.author;
  return { kind: mark.type, author: typeof author === 'string' ? author : null };
}

// The name goes once after a run of one person's change of one kind, not after each text node.
function authorAfter(nodes: readonly Node[], index: number, name: BodyHtmlOptions['changeAuthor']): string {
  if (!name) return '';
  const change = changeOf(nodes[index]);
  if (!change) return '';
  const next = changeOf(nodes[index + 1]);
  if (next && next.kind === change.kind && next.author === change.author) return '';
  return `<span class="change-author">${escapeHtml(name(change.author))}</span>`;
}

/** The safe link target of an inline node, or null: hostile targets are dropped and the text kept. */
function linkOf(node: Node): string | null {
  const link = (node.marks as Mark[] | undefined)?.find((mark) => mark.type === 'link');
  const href = link?.attrs?.href;
  return isSafeHref(href) ? href : null;
}

function displayAddress(href: string): string {
  return href.startsWith('mailto:') ? href.slice('mailto:'.length) : href;
}

function sameAddress(text: string, href: string): boolean {
  const trimmed = text.trim();
  return (
    trimmed === href ||
    trimmed === displayAddress(href) ||
    `https://${trimmed}` === href ||
    `http://${trimmed}` === href
  );
}

function plainText(node: Node): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  return (node.content ?? []).map(plainText).join('');
}

function clampInteger(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : fallback;
}
