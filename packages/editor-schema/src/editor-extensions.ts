import type { AnyExtension } from '@tiptap/core';
import { StarterKit } from '@tiptap/starter-kit';
import { isSafeHref } from './safe-href.ts';

/**
 * Name of the Y.XmlFragment that holds a note's content inside its Y.Doc; browser, server and
 * every stored document agree on it, so it never changes.
 */
export const DOCUMENT_FIELD = 'default';

/** Heading levels a note may use: a title, sections and subsections. */
export const HEADING_LEVELS = [1, 2, 3] as const;

/**
 * The Tiptap extensions that define what a note may contain, shared by browser and server.
 * History is left out: in a shared document undo comes from Yjs, not from ProseMirror.
 */
export function createEditorExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      heading: { levels: [...HEADING_LEVELS] },
      undoRedo: false,
      link: {
        openOnClick: false,
        defaultProtocol: 'https',
        // The same rule the server enforces on every update.
        isAllowedUri: (url) => isSafeHref(url),
      },
    }),
  ];
}
