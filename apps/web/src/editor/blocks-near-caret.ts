import { Extension } from '@tiptap/core';
import { type EditorState, Plugin } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

/** The class styles.css keeps fully rendered: the note's other blocks are drawn only near the screen. */
const NEAR_CARET_CLASS = 'near-caret';

/**
 * Marks the note's top-level blocks from the one before the selection to the one after it, and
 * its first and last blocks. The other blocks are skipped by the browser while out of sight
 * (`content-visibility` in styles.css), and Chromium cannot place the caret in a block it has
 * not drawn: a list that a Markdown shortcut had just made lost the words typed into it, and
 * Ctrl+End stopped at the start of the note's last paragraph. A block made under the caret is
 * created marked.
 */
export const BlocksNearCaret = Extension.create({
  name: 'blocksNearCaret',

  addProseMirrorPlugins() {
    return [new Plugin({ props: { decorations: (state) => nearCaretDecorations(state) } })];
  },
});

/** The marks BlocksNearCaret draws for `state`: one on each top-level block it keeps drawn. */
export function nearCaretDecorations(state: EditorState): DecorationSet {
  const { doc, selection } = state;
  const first = Math.max(0, doc.resolve(selection.from).index(0) - 1);
  const last = Math.min(doc.childCount - 1, doc.resolve(selection.to).index(0) + 1);
  const decorations: Decoration[] = [];
  doc.forEach((block, position, index) => {
    const kept = (index >= first && index <= last) || index === 0 || index === doc.childCount - 1;
    if (kept) decorations.push(Decoration.node(position, position + block.nodeSize, { class: NEAR_CARET_CLASS }));
  });
  return DecorationSet.create(doc, decorations);
}
