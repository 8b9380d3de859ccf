import { DISARMED_PREFIX } from './disarm-html.ts';
import { parseInlineStyle } from './inline-style.ts';

/** What the marker Word writes before a list paragraph says about its list. */
export type ListMarker =
  | { readonly ordered: false }
  | { readonly ordered: true; readonly type: '1' | 'a' | 'A' | 'i' | 'I'; readonly start: number };

// Word's list paragraphs: `mso-list:l0 level2 lfo1` is list 0, second level.
const MSO_LIST = /^l(\d+)\s+level(\d+)/i;
const STYLE = `${DISARMED_PREFIX}style`;

/**
 * Reads a list marker as Word writes it ("1.", "2.1.", "a)", "iv.", "·", "o", "§"): numbers, letters and
 * roman numerals followed by "." or ")" make a numbered list, anything else a bulleted one.
 */
export function listMarkerOf(text: string): ListMarker {
  const compact = text.replace(/[\s\u00a0]+/g, '');
  // Outline numbering ("2.1.") counts by its last number.
  const marker = (/^\(?(?:\d+[.)])*(\d+|[a-z]+|[A-Z]+)[.)]$/.exec(compact) ?? /^(?:\d+\.)+(\d+)$/.exec(compact))?.[1];
  if (marker === undefined) return { ordered: false };
  if (/^[0-9]+$/.test(marker)) return { ordered: true, type: '1', start: Number.parseInt(marker, 10) };
  // "i" alone is far more often the first roman numeral than the ninth letter.
  if (/^(i|[ivxlcdm]{2,})$/.test(marker)) return { ordered: true, type: 'i', start: 1 };
  if (/^(I|[IVXLCDM]{2,})$/.test(marker)) return { ordered: true, type: 'I', start: 1 };
  if (marker.length !== 1) return { ordered: false };
  const lower = marker.toLowerCase();
  return { ordered: true, type: lower === marker ? 'a' : 'A', start: lower.charCodeAt(0) - 96 };
}

/**
 * Turns Word's list paragraphs (`<p style="mso-list:l0 level1 lfo1">` with the bullet or number
 * written out inside `<![if !supportLists]>`) into real `<ul>` and `<ol>` lists, nested by level.
 * Runs on a document whose style attributes `disarmHtml` renamed, before anything else cleans it.
 */
export function convertWordLists(root: HTMLElement): void {
  const done = new Set<Element>();
  for (const first of root.querySelectorAll('p')) {
    if (done.has(first) || listPlaceOf(first) === null) continue;
    const run: HTMLParagraphElement[] = [first];
    for (let next = nextElementOf(first); next instanceof HTMLParagraphElement && listPlaceOf(next); ) {
      run.push(next);
      next = nextElementOf(next);
    }
    for (const paragraph of run) done.add(paragraph);
    nestIntoLists(run);
  }
}

type ListPlace = { list: string; level: number };

function listPlaceOf(paragraph: Element): ListPlace | null {
  const match = MSO_LIST.exec(parseInlineStyle(paragraph.getAttribute(STYLE) ?? '').get('mso-list') ?? '');
  if (!match?.[1] || !match[2]) return null;
  return { list: match[1], level: Number.parseInt(match[2], 10) };
}

// Word separates its paragraphs with line breaks, and sometimes with comments.
function nextElementOf(element: Element): Element | null {
  let next = element.nextSibling;
  while (
    next &&
    (next.nodeType === Node.COMMENT_NODE || (next.nodeType === Node.TEXT_NODE && !next.textContent?.trim()))
  ) {
    next = next.nextSibling;
  }
  return next instanceof Element ? next : null;
}

function nestIntoLists(run: readonly HTMLParagraphElement[]): void {
  const stack: Array<{ level: number; list: HTMLElement; id: string }> = [];
  for (const paragraph of run) {
    const place = listPlaceOf(paragraph);
    if (!place) continue;
    const marker = listMarkerOf(takeMarker(paragraph));
    const tag = marker.ordered ? 'ol' : 'ul';
    const root = stack[0];
    // Another list of the document, or its first level again with another kind of marker.
    if (root && root.id !== place.list && place.level <= root.level) stack.length = 0;
    while (stack.length > 0 && (stack.at(-1)?.level ?? 0) > place.level) stack.pop();
    if (stack.at(-1)?.level === place.level && stack.at(-1)?.list.localName !== tag) stack.pop();
    let top = stack.at(-1);
    if (!top || top.level < place.level) {
      const list = paragraph.ownerDocument.createElement(tag);
      if (marker.ordered && marker.type !== '1') list.setAttribute('type', marker.type);
      if (marker.ordered && marker.start > 1) list.setAttribute('start', String(marker.start));
      if (top) lastItemOf(top.list).append(list);
      else paragraph.before(list);
      top = { level: place.level, list, id: place.list };
      stack.push(top);
    }
    const item = paragraph.ownerDocument.createElement('li');
    top.list.append(item);
    item.append(paragraph);
  }
}

function lastItemOf(list: HTMLElement): HTMLElement {
  const last = list.lastElementChild;
  if (last instanceof HTMLLIElement) return last;
  const item = list.ownerDocument.createElement('li');
  list.append(item);
  return item;
}

// Word writes the bullet or number itself for browsers that do not know its lists, between
// <![if !supportLists]> and <![endif]> (comments once parsed), in a span marked mso-list:Ignore.
function takeMarker(paragraph: HTMLParagraphElement): string {
  const walker = paragraph.ownerDocument.createTreeWalker(paragraph, NodeFilter.SHOW_COMMENT);
  for (let comment = walker.nextNode(); comment; comment = walker.nextNode()) {
    if (!/^\[if !supportLists\]$/i.test(comment.textContent?.trim() ?? '')) continue;
    const marker: Node[] = [];
    let end = comment.nextSibling;
    while (end && !(end.nodeType === Node.COMMENT_NODE && /^\[endif\]$/i.test(end.textContent?.trim() ?? ''))) {
      marker.push(end);
      end = end.nextSibling;
    }
    const text = marker.map((node) => node.textContent ?? '').join('');
    for (const node of [comment, ...marker, ...(end ? [end] : [])]) node.parentNode?.removeChild(node);
    return text;
  }
  for (const span of paragraph.querySelectorAll(`[${STYLE}]`)) {
    if (!/^ignore$/i.test(parseInlineStyle(span.getAttribute(STYLE) ?? '').get('mso-list') ?? '')) continue;
    const text = span.textContent ?? '';
    span.remove();
    return text;
  }
  return '';
}
