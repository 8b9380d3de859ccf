import { type NoteContent, noteContentFromDom, type ParsableDom } from '@plume/editor-schema';
import { parseHTML } from 'linkedom';
import { RefusalError } from '../refusal-error.ts';
import { IMPORT_MAX_HTML_DEPTH, requireTextLength } from './import-limits.ts';
import { importedContent } from './imported-content.ts';

// Elements whose content is code, media, metadata or a form: removed whole, text included.
const DROPPED_ELEMENTS = [
  'script',
  'style',
  'template',
  'noscript',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'svg',
  'math',
  'head',
  'title',
  'meta',
  'link',
  'base',
  'img',
  'picture',
  'video',
  'audio',
  'source',
  'track',
  'canvas',
  'map',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'dialog',
].join(',');

/**
 * An HTML file as note content: parsed by linkedom (which never runs scripts), scripts, media,
 * frames and forms removed, then read with the editor schema's own rules so that only what a note
 * may hold remains (headings below level 3 become level 3, links only to safe targets); throws a
 * RefusalError when the HTML is too long or its content exceeds the document rules.
 */
export function noteContentFromHtml(html: string): NoteContent {
  requireTextLength(html);
  // Parsed as a whole document: linkedom's innerHTML setter recurses and a deep nesting overflows it.
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`);
  const body = document.body;
  requireShallow(body);
  for (const element of body.querySelectorAll(DROPPED_ELEMENTS)) element.remove();
  // The editor has three heading levels; deeper headings keep their place as level 3.
  for (const heading of body.querySelectorAll('h4,h5,h6')) {
    const replacement = document.createElement('h3');
    replacement.append(...heading.childNodes);
    heading.replaceWith(replacement);
  }
  // linkedom's nodes have the shape ProseMirror's parser reads, not the browser's types.
  return importedContent(noteContentFromDom(body as unknown as ParsableDom));
}

type ElementTree = { readonly children: Iterable<ElementTree> };

// Walked without recursion, so that a hostile nesting cannot exhaust the stack here or later.
function requireShallow(root: ElementTree): void {
  const pending: { element: ElementTree; depth: number }[] = [{ element: root, depth: 0 }];
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    if (item.depth > IMPORT_MAX_HTML_DEPTH)
      throw new RefusalError(
        'importTooComplex',
        `Les éléments sont imbriqués sur plus de ${IMPORT_MAX_HTML_DEPTH} niveaux. — Elements are nested more than ${IMPORT_MAX_HTML_DEPTH} levels deep.`,
      );
    for (const child of item.element.children) pending.push({ element: child, depth: item.depth + 1 });
  }
}
