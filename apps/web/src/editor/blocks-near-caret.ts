import { Extension } from '@tiptap/core';
import { type EditorState, Plugin } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

/** The class styles.css keeps fully rendered: the note's other blocks are drawn only near the screen. */
const NEAR_CARET_CLASS = 'near-caret';

/**
 * Marks the note's top-level blocks from the one before the selection to the one after it. The
 * other blocks are skipped by the browser while out of sight (`content-visibility` in styles.css),
 * and a block Chromium has not drawn yet takes no typing: a list that a Markdown shortcut had just
 * made lost the words typed into it. A block made under the caret is created marked.
 */
export const BlocksNearCaret = Extension.create({
  name: 'blocksNearCaret',

  addProseMirrorPlugins() {
    return [new Plugin({ props: { decorations: (state) => nearCaretDecorations(state) } })];
  },
});

/** The marks BlocksNearCaret draws for `state`: one on each top-level block near the selection. */
export function nearCaretDecorations(state: EditorState): DecorationSet {
  const { doc, selection } = state;
  const $from = doc.resolve(selection.from);
  const first = Math.max(0, $from.index(0) - 1);
  const last = Math.min(doc.childCount - 1, doc.resolve(selection.to).index(0) + 1);
  const decorations: Decoration[] = [];
  for (let index = first, position = $from.posAtIndex(first, 0); index <= last; index++) {
    const size = doc.child(index).nodeSize;
    decorations.push(Decoration.node(position, position + size, { class: NEAR_CARET_CLASS }));
    position += size;
  }
  return DecorationSet.create(doc, decorations);
}
