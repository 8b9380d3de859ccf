import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';

const key = new PluginKey<boolean>('remoteChangeScroll');

/**
 * Keeps the page where it is when a co-author's change arrives. y-prosemirror asks to scroll the
 * person's caret into view after each remote change, which makes the browser lay the whole note
 * out at once, inside the message handler; the browser's own scroll anchoring already keeps the
 * caret where it was on screen. Undo and redo, though remote-looking, still scroll.
 */
export const RemoteChangeScroll = Extension.create({
  name: 'remoteChangeScroll',
  addProseMirrorPlugins() {
    return [remoteChangeScrollPlugin()];
  },
});

/** The plugin behind `RemoteChangeScroll`: it handles the scroll of a co-author's change by not scrolling. */
export function remoteChangeScrollPlugin(): Plugin<boolean> {
  return new Plugin<boolean>({
    key,
    state: {
      init: () => false,
      apply: (transaction, wasRemote) => {
        // Another plugin's follow-up transaction belongs to the change it follows.
        if (transaction.getMeta('appendedTransaction')) return wasRemote;
        const sync = transaction.getMeta(ySyncPluginKey) as
          | { isChangeOrigin?: boolean; isUndoRedoOperation?: boolean }
          | undefined;
        return sync?.isChangeOrigin === true && sync.isUndoRedoOperation !== true;
      },
    },
    props: {
      // True means "handled": the view does not scroll.
      handleScrollToSelection: (view) => key.getState(view.state) === true,
    },
  });
}
