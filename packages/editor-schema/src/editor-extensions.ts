import type { AnyExtension } from '@tiptap/core';
import { Highlight } from '@tiptap/extension-highlight';
import { TaskItem, TaskList } from '@tiptap/extension-list';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import { StarterKit } from '@tiptap/starter-kit';
import { PageBreak } from './page-break.ts';
import { isSafeHref } from './safe-href.ts';

/**
 * Name of the Y.XmlFragment that holds a note's content inside its Y.Doc; browser, server and
 * every stored document agree on it, so it never changes.
 */
export const DOCUMENT_FIELD = 'default';

/** Heading levels a note may use: a title, sections and subsections. */
export const HEADING_LEVELS = [1, 2, 3] as const;

/** Alignments a table cell may carry, as pasted from a word processor. */
export const CELL_ALIGNMENTS = ['left', 'center', 'right'] as const;

/** What the browser adds to the shared extensions; the schema they define stays the same. */
export type EditorExtensionOptions = {
  /** The accessible name of a checklist item's box, in the reader's language. */
  taskCheckboxLabel?: (text: string, checked: boolean) => string;
};

/**
 * The Tiptap extensions that define what a note may contain, shared by browser and server.
 * History is left out: in a shared document undo comes from Yjs, not from ProseMirror.
 */
export function createEditorExtensions(options: EditorExtensionOptions = {}): AnyExtension[] {
  const { taskCheckboxLabel } = options;
  return [
    StarterKit.configure({
      heading: { levels: [...HEADING_LEVELS] },
      undoRedo: false,
      link: {
        openOnClick: false,
        defaultProtocol: 'https',
        // The same rule the server enforces on every update, applied to typed, pasted and set links.
        isAllowedUri: (url) => isSafeHref(url),
        shouldAutoLink: (url) => isSafeHref(url),
      },
    }),
    Highlight.configure({ multicolor: false }),
    TaskList,
    TaskItem.configure({
      nested: true,
      ...(taskCheckboxLabel
        ? { a11y: { checkboxLabel: (node, checked) => taskCheckboxLabel(node.textContent, checked) } }
        : {}),
    }),
    // Column widths are left to the page, so tables reflow on a phone and on paper alike.
    Table.configure({ resizable: false }),
    TableRow,
    TableHeader.extend({ addAttributes: cellAttributes }),
    TableCell.extend({ addAttributes: cellAttributes }),
    PageBreak,
  ];
}

// Cell alignment is rendered as a data attribute, not Tiptap's inline style, which the page's
// Content-Security-Policy would block.
function cellAttributes(this: { parent?: (() => Record<string, object>) | null }) {
  return {
    ...this.parent?.(),
    align: {
      default: null,
      parseHTML: (element: HTMLElement) => {
        const align = (element.style.textAlign || element.getAttribute('align') || '').trim().toLowerCase();
        return (CELL_ALIGNMENTS as readonly string[]).includes(align) ? align : null;
      },
      renderHTML: (attributes: { align?: string | null }) =>
        attributes.align ? { 'data-align': attributes.align } : {},
    },
  };
}
