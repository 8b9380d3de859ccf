import type { AnyExtension } from '@tiptap/core';
import { StarterKit } from '@tiptap/starter-kit';

/**
 * Name of the Y.XmlFragment that holds a note's content inside its Y.Doc; browser, server and
 * every stored document agree on it, so it never changes.
 */
export const DOCUMENT_FIELD = 'default';

/**
 * The Tiptap extensions that define what a note may contain, shared by browser and server.
 * History is left out: in a shared document undo comes from Yjs, not from ProseMirror.
 */
export function createEditorExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      heading: { levels: [1, 2, 3] },
      undoRedo: false,
      // Links arrive with the editor issue, which decides which schemes are allowed.
      link: false,
    }),
  ];
}
