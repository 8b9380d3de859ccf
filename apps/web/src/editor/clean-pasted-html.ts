import { CELL_ALIGNMENTS, isSafeHref } from '@plume/editor-schema';
import { DISARMED_PREFIX, disarmHtml } from './disarm-html.ts';
import { parseInlineStyle } from './inline-style.ts';
import { convertWordLists } from './word-lists.ts';

const STYLE = `${DISARMED_PREFIX}style`;

// Gone with everything inside: what runs, loads, draws or asks for input, and the page's metadata.
const DROPPED = new Set([
  ...['script', 'plume-style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'noframes', 'object'],
  ...['embed', 'applet', 'param', 'portal', 'link', 'meta', 'base', 'title', 'head', 'xml', 'svg', 'math'],
  ...['canvas', 'img', 'image', 'picture', 'video', 'audio', 'source', 'track', 'map', 'area', 'input'],
  ...['button', 'select', 'textarea', 'option', 'optgroup', 'datalist', 'output', 'progress', 'meter'],
  ...['dialog', 'colgroup', 'col'],
]);

// Blocks that are not paragraphs still separate them; code keeps its text, not its looks.
const CONTAINERS = ['div', 'section', 'article', 'main', 'header', 'footer', 'nav', 'aside', 'figure', 'figcaption'];
const MORE_CONTAINERS = ['details', 'summary', 'dl', 'dt', 'dd', 'address', 'center', 'fieldset', 'legend', 'form'];
const CODE = ['pre', 'listing', 'xmp', 'plaintext'];

// What a note can hold, by the element that says it; every element not named here is unwrapped,
// its content kept.
const TAGS: Record<string, string> = {
  ...sameNames(['p', 'h1', 'h2', 'h3', 'ul', 'ol', 'li', 'blockquote', 'br', 'hr', 'a', 'mark', 'u', 's']),
  ...sameNames(['table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td']),
  b: 'strong',
  strong: 'strong',
  i: 'em',
  em: 'em',
  ins: 'u',
  strike: 's',
  del: 's',
  // A note has three levels of headings.
  ...sameTag(['h4', 'h5', 'h6'], 'h3'),
  ...sameTag(['menu', 'dir'], 'ul'),
  // The caption of a table becomes the paragraph before it.
  ...sameTag([...CODE, 'caption'], 'p'),
  ...sameTag([...CONTAINERS, ...MORE_CONTAINERS, 'hgroup', 'search'], 'div'),
};

const BLOCKS = new Set([
  ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'menu', 'dir', 'li', 'blockquote', 'hr', 'table'],
  ...['caption', 'hgroup', 'search', ...CONTAINERS, ...MORE_CONTAINERS, ...CODE],
]);
// Containers a format element cannot wrap without the HTML parser moving it elsewhere.
const STRUCTURAL = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'ul', 'ol', 'br', 'hr']);
// Elements that become a level of the note's tree, and how deep a paste may nest them: the server
// refuses a document deeper than MAX_NESTING_DEPTH, and the paste may land a few levels down.
const NESTING = new Set(['ul', 'ol', 'li', 'blockquote', 'table', 'tr', 'th', 'td']);
const MAX_PASTE_DEPTH = 20;

// ProseMirror's own mark of a copied slice: how deep it is open. Kept only with no context, which
// would otherwise let a pasted attribute choose node attributes.
const PLUME_SLICE = /^\d \d(?: -\d)? \[\]$/;
const MAX_CELL_SPAN = 100;
const MAX_LIST_START = 1_000_000;

type Context = { readonly inLink: boolean; readonly inHead: boolean; readonly inPre: boolean; readonly depth: number };

/**
 * Cleans HTML pasted or dropped into a note from Word, Google Docs, LibreOffice or a web page:
 * keeps headings, paragraphs, lists (Word's included), checklists, tables, quotes, rules, page
 * breaks, bold, italic, underline, strike, highlight and safe links (code keeps only its text), and
 * drops everything else: embedded content, forms, comments, classes, ids, handlers and styles (the
 * formats styles carry become elements). The HTML is parsed into an inert document, where nothing
 * loads or runs.
 */
export function cleanPastedHtml(html: string): string {
  const doc = new DOMParser().parseFromString(disarmHtml(html), 'text/html');
  const { body } = doc;
  // Chrome's mark of a copy that ended a line: pasted, it would add an empty one.
  for (const newline of body.querySelectorAll('br.Apple-interchange-newline')) newline.remove();
  convertWordLists(body);
  splitAtPageBreaks(body);
  cleanChildren(body, { inLink: false, inHead: false, inPre: false, depth: 0 });
  moveNestedLists(body);
  return body.innerHTML;
}

function cleanChildren(parent: Node, context: Context): void {
  for (const child of [...parent.childNodes]) cleanNode(child, context);
}

function cleanNode(node: ChildNode, context: Context): void {
  if (node instanceof Text) {
    if (context.inPre) breakLines(node);
    return;
  }
  if (!(node instanceof Element) || node.localName.includes(':') || DROPPED.has(node.localName)) {
    node.remove();
    return;
  }
  const doc = node.ownerDocument;
  const name = node.localName;
  if (name === 'div' && node.hasAttribute('data-page-break')) {
    node.replaceWith(pageBreak(doc));
    return;
  }
  if (name === 'br' && isBetweenBlocks(node)) {
    // Google Docs writes an empty paragraph as a lone <br> between blocks.
    node.replaceWith(doc.createElement('p'));
    return;
  }
  if (name === 'br' && endsBlock(node)) {
    // A browser draws no line for it; the editor would keep it as a line break.
    node.remove();
    return;
  }
  const style = parseInlineStyle(node.getAttribute(STYLE) ?? '');
  const tag = tagOf(node, style, context);
  const replacement = tag === null ? null : doc.createElement(tag);
  if (replacement) copyAllowedAttributes(node, replacement);
  cleanChildren(node, {
    inLink: context.inLink || tag === 'a',
    inHead: tag === 'thead' || (context.inHead && tag !== 'table'),
    inPre: context.inPre || CODE.includes(name),
    depth: context.depth + (tag !== null && NESTING.has(tag) ? 1 : 0),
  });
  let content: Node[] = [...node.childNodes];
  if (tag === null || !STRUCTURAL.has(tag)) {
    for (const format of formatsOf(style, tag, context).reverse()) {
      const wrapper = doc.createElement(format);
      wrapper.append(...content);
      content = [wrapper];
    }
  }
  if (replacement) {
    replacement.append(...content);
    content = [replacement];
  }
  if (tag !== null && BLOCKS.has(name)) {
    if (breaksPage(style, 'before')) content.unshift(pageBreak(doc));
    if (breaksPage(style, 'after')) content.push(pageBreak(doc));
  }
  const table = name === 'caption' ? node.closest('table') : null;
  if (table) {
    table.before(...content);
    node.remove();
  } else node.replaceWith(...content);
}

// The element a pasted one becomes, or null to keep only its content.
function tagOf(element: Element, style: Map<string, string>, context: Context): string | null {
  const name = element.localName;
  const tag = TAGS[name] ?? null;
  if (tag === 'strong' && (isNormal(style.get('font-weight')) || isGoogleDocsWrapper(element))) return null;
  if (tag === 'em' && isNormal(style.get('font-style'))) return null;
  if (tag === 'a') return !context.inLink && safeHrefOf(element) !== null ? 'a' : null;
  if (tag === 'td' && context.inHead) return 'th';
  // Too deep: lists, quotes and tables give their text only.
  if (context.depth >= MAX_PASTE_DEPTH && (NESTING.has(tag ?? '') || ['thead', 'tbody', 'tfoot'].includes(tag ?? ''))) {
    return null;
  }
  return tag;
}

// Formats carried by a style, as the elements Plume reads: a style attribute would be blocked by
// the page's Content-Security-Policy, and its CSSOM left empty for the editor's parse rules.
function formatsOf(style: Map<string, string>, tag: string | null, context: Context): string[] {
  const formats: string[] = [];
  // Headings and header cells are bold already; web pages say so in every copied style.
  const boldAnyway = tag === 'strong' || tag === 'th' || /^h\d$/.test(tag ?? '');
  if (/^(bold(er)?|[5-9]\d{2,})$/i.test(style.get('font-weight') ?? '') && !boldAnyway) formats.push('strong');
  if (/^(italic|oblique)\b/i.test(style.get('font-style') ?? '') && tag !== 'em') formats.push('em');
  const decoration = `${style.get('text-decoration') ?? ''} ${style.get('text-decoration-line') ?? ''}`;
  // Links are underlined already: Google Docs underlines the text inside them too.
  if (/\bunderline\b/i.test(decoration) && !context.inLink && tag !== 'a' && tag !== 'u') formats.push('u');
  if (/\bline-through\b/i.test(decoration) && tag !== 's') formats.push('s');
  return formats;
}

function copyAllowedAttributes(from: Element, to: Element): void {
  const slice = from.getAttribute('data-pm-slice');
  if (slice !== null && PLUME_SLICE.test(slice)) to.setAttribute('data-pm-slice', slice);
  if (to.localName === 'a') to.setAttribute('href', safeHrefOf(from) ?? '');
  if (to.localName === 'ol') {
    const start = integerAttribute(from, 'start', 0, MAX_LIST_START);
    if (start !== null) to.setAttribute('start', String(start));
    const type = from.getAttribute('type');
    if (type !== null && ['1', 'a', 'A', 'i', 'I'].includes(type)) to.setAttribute('type', type);
  }
  if (to.localName === 'ul' && from.getAttribute('data-type') === 'taskList') to.setAttribute('data-type', 'taskList');
  if (to.localName === 'li' && from.getAttribute('data-type') === 'taskItem') {
    to.setAttribute('data-type', 'taskItem');
    to.setAttribute('data-checked', String(from.getAttribute('data-checked') === 'true'));
  }
  if (to.localName === 'th' || to.localName === 'td') {
    for (const span of ['colspan', 'rowspan']) {
      const value = integerAttribute(from, span, 1, MAX_CELL_SPAN);
      if (value !== null && value > 1) to.setAttribute(span, String(value));
    }
    const align = cellAlignmentOf(from);
    if (align !== null) to.setAttribute('align', align);
  }
}

// Browsers drop tabs and line breaks from a URL, and its surrounding spaces; isSafeHref does not.
function safeHrefOf(link: Element): string | null {
  const href = link
    .getAttribute('href')
    ?.replace(/[\t\n\r]/g, '')
    .trim();
  return isSafeHref(href) ? href : null;
}

function integerAttribute(element: Element, name: string, min: number, max: number): number | null {
  const value = element.getAttribute(name)?.trim() ?? '';
  if (!/^\d{1,7}$/.test(value)) return null;
  const number = Number.parseInt(value, 10);
  return number >= min && number <= max ? number : null;
}

// A cell's own alignment, or the one all its paragraphs share: Word and Google Docs align the
// paragraphs, Plume's cells carry it themselves.
function cellAlignmentOf(cell: Element): string | null {
  const own = alignmentOf(cell);
  if (own !== null) return own;
  const blocks = [...cell.children].filter((child) => /^(p|h[1-6]|div)$/.test(child.localName));
  const alignments = new Set(blocks.map(alignmentOf));
  const [shared] = alignments;
  return blocks.length > 0 && alignments.size === 1 && shared !== undefined ? shared : null;
}

function alignmentOf(element: Element): string | null {
  const value =
    parseInlineStyle(element.getAttribute(STYLE) ?? '').get('text-align') ??
    element.getAttribute('align') ??
    element.getAttribute('data-align') ??
    '';
  const alignment = value.trim().toLowerCase();
  return (CELL_ALIGNMENTS as readonly string[]).includes(alignment) ? alignment : null;
}

function isNormal(value: string | undefined): boolean {
  return value !== undefined && /^(normal|lighter|[1-4]\d{2})$/i.test(value);
}

// Google Docs wraps the whole copy in <b style="font-weight:normal" id="docs-internal-guid-…">.
function isGoogleDocsWrapper(element: Element): boolean {
  return element.id.startsWith('docs-internal-guid-');
}

function breaksPage(style: Map<string, string>, side: 'before' | 'after'): boolean {
  return (
    /^(always|left|right)$/i.test(style.get(`page-break-${side}`) ?? '') ||
    /^(page|left|right|recto|verso)$/i.test(style.get(`break-${side}`) ?? '')
  );
}

function pageBreak(doc: Document): HTMLElement {
  const element = doc.createElement('div');
  element.setAttribute('data-page-break', '');
  return element;
}

// Word marks a forced page break as <br style="page-break-before:always"> inside a paragraph:
// the paragraph is cut in two around a page break of Plume's.
function splitAtPageBreaks(body: HTMLElement): void {
  for (const br of body.querySelectorAll('br')) {
    if (!breaksPage(parseInlineStyle(br.getAttribute(STYLE) ?? ''), 'before')) continue;
    const doc = br.ownerDocument;
    const block = br.parentElement?.closest('p, h1, h2, h3, h4, h5, h6');
    if (!block) {
      br.replaceWith(pageBreak(doc));
      continue;
    }
    const range = doc.createRange();
    range.setStartAfter(br);
    range.setEnd(block, block.childNodes.length);
    const tail = doc.createElement(block.localName);
    tail.append(range.extractContents());
    br.remove();
    block.after(pageBreak(doc), tail);
    for (const half of [block, tail]) if (!half.textContent?.replace(/[\s\u00a0]/g, '')) half.remove();
  }
}

// Not inside a paragraph or heading, with a block or nothing on each side.
function isBetweenBlocks(br: Element): boolean {
  const isBlockOrEdge = (node: Node | null) => node === null || (node instanceof Element && BLOCKS.has(node.localName));
  return (
    br.parentElement?.closest('p, h1, h2, h3, h4, h5, h6, caption, pre, listing, xmp, plaintext') === null &&
    isBlockOrEdge(neighbourOf(br, 'previousSibling')) &&
    isBlockOrEdge(neighbourOf(br, 'nextSibling'))
  );
}

// Whether nothing but blank text follows, up to the end of the block holding it.
function endsBlock(node: Element): boolean {
  for (let current: Element | null = node; current && current.localName !== 'body'; current = current.parentElement) {
    if (current !== node && (BLOCKS.has(current.localName) || ['td', 'th'].includes(current.localName))) return true;
    if (neighbourOf(current, 'nextSibling') !== null) return false;
  }
  return true;
}

// The next node that is not blank text or a comment.
function neighbourOf(node: Node, side: 'previousSibling' | 'nextSibling'): Node | null {
  let sibling = node[side];
  while (
    sibling &&
    (sibling.nodeType === Node.COMMENT_NODE || (sibling.nodeType === Node.TEXT_NODE && !sibling.textContent?.trim()))
  ) {
    sibling = sibling[side];
  }
  return sibling;
}

// Text in <pre> keeps its lines as line breaks once the block is a paragraph.
function breakLines(text: Text): void {
  const lines = text.data.split('\n');
  if (lines.length < 2) return;
  const doc = text.ownerDocument;
  const parts: Node[] = [];
  lines.forEach((line, index) => {
    if (index > 0) parts.push(doc.createElement('br'));
    if (line !== '') parts.push(doc.createTextNode(line));
  });
  text.replaceWith(...parts);
}

// Google Docs and LibreOffice put a nested list straight inside its parent list; a note needs it
// inside the item before it.
function moveNestedLists(body: HTMLElement): void {
  for (const list of body.querySelectorAll(':is(ul, ol) > :is(ul, ol)')) {
    const previous = list.previousElementSibling;
    if (previous?.localName === 'li') previous.append(list);
    else {
      const item = body.ownerDocument.createElement('li');
      list.replaceWith(item);
      item.append(list);
    }
  }
}

function sameNames(names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, name]));
}

function sameTag(names: readonly string[], tag: string): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, tag]));
}
