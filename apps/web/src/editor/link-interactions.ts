import { isSafeHref } from '@plume/editor-schema';
import { type Editor, Extension } from '@tiptap/core';
import { Plugin } from '@tiptap/pm/state';

/** What the browser adds to the shared link mark: a way to open the link dialog. */
export type LinkInteractionsOptions = {
  /** Opens the dialog that edits the link at the selection (see link-dialog.ts). */
  openDialog: (editor: Editor) => void;
};

/**
 * Mod-K opens the link dialog. Ctrl+click (⌘+click on a Mac) opens a link in a new tab, without
 * the note's address as referrer and without a handle on the note's window; a plain click only
 * places the caret, except for a reader who cannot edit, for whom it opens the link. Only links
 * that `isSafeHref` accepts are ever opened.
 */
export const LinkInteractions = Extension.create<LinkInteractionsOptions>({
  name: 'linkInteractions',

  addOptions() {
    return {
      openDialog: () => {
        throw new Error('LinkInteractions needs an openDialog option');
      },
    };
  },

  addKeyboardShortcuts() {
    return {
      'Mod-k': () => {
        if (!this.editor.isEditable) return false;
        this.options.openDialog(this.editor);
        return true;
      },
    };
  },

  addProseMirrorPlugins() {
    return [
      new Plugin({
        props: {
          handleClick(view, _position, event) {
            if (event.button !== 0 || !(event.ctrlKey || event.metaKey || !view.editable)) return false;
            const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
            const href = link?.getAttribute('href');
            if (!link || !view.dom.contains(link) || !isSafeHref(href)) return false;
            window.open(href, '_blank', 'noopener,noreferrer');
            return true;
          },
        },
      }),
    ];
  },
});
