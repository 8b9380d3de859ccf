import { createEditorSchema } from '@plume/editor-schema';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import { remoteChangeScrollPlugin } from './remote-change-scroll.ts';

const plugin = remoteChangeScrollPlugin();
const schema = createEditorSchema();

// Whether the view would be kept from scrolling after `transaction`.
function keepsScroll(state: EditorState, transaction: Transaction): { next: EditorState; kept: boolean } {
  const next = state.apply(transaction);
  const kept = plugin.props.handleScrollToSelection?.call(plugin, { state: next } as EditorView) === true;
  return { next, kept };
}

describe('remoteChangeScrollPlugin', () => {
  it('keeps the page still for a co-author’s change and scrolls for one’s own, undo included', () => {
    let state = EditorState.create({ schema, plugins: [plugin] });
    const typed = state.tr.insertText('a', 1).scrollIntoView();
    let result = keepsScroll(state, typed);
    expect(result.kept).toBe(false);
    state = result.next;

    const remote = state.tr.insertText('b', 1).setMeta(ySyncPluginKey, { isChangeOrigin: true }).scrollIntoView();
    result = keepsScroll(state, remote);
    expect(result.kept).toBe(true);
    state = result.next;

    const undo = state.tr
      .insertText('c', 1)
      .setMeta(ySyncPluginKey, { isChangeOrigin: true, isUndoRedoOperation: true })
      .scrollIntoView();
    expect(keepsScroll(state, undo).kept).toBe(false);
  });

  it('counts another plugin’s follow-up transaction with the change it follows', () => {
    let state = EditorState.create({ schema, plugins: [plugin] });
    state = state.apply(state.tr.insertText('b', 1).setMeta(ySyncPluginKey, { isChangeOrigin: true }));
    const appended = state.tr.insertText('x', 1).setMeta('appendedTransaction', state.tr);
    expect(keepsScroll(state, appended).kept).toBe(true);
  });
});
