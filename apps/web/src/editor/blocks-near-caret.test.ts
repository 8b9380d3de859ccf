import { createEditorSchema } from '@plume/editor-schema';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { nearCaretDecorations } from './blocks-near-caret.ts';

const schema = createEditorSchema();

/** A note of `count` paragraphs, "Bloc 0" to "Bloc n". */
function noteOf(count: number): EditorState {
  const paragraphs = Array.from({ length: count }, (_, index) =>
    schema.node('paragraph', null, schema.text(`Bloc ${index}`)),
  );
  return EditorState.create({ schema, doc: schema.node('doc', null, paragraphs) });
}

/** The text of each marked block, checking that each mark covers one whole top-level block. */
function markedBlocks(state: EditorState): string[] {
  return nearCaretDecorations(state)
    .find()
    .map((decoration) => {
      const block = state.doc.nodeAt(decoration.from);
      expect(block && decoration.from + block.nodeSize).toBe(decoration.to);
      expect(state.doc.resolve(decoration.from).depth).toBe(0);
      return block?.textContent ?? '';
    });
}

// The position inside block `index` of a note of equal paragraphs ("Bloc n" is 6 characters).
const inside = (state: EditorState, index: number) => state.doc.resolve(0).posAtIndex(index, 0) + 3;

describe('the blocks near the caret', () => {
  it('are the block holding the caret, its two neighbours, and the note’s first and last blocks', () => {
    const state = noteOf(10);
    const at = (index: number) =>
      markedBlocks(state.apply(state.tr.setSelection(TextSelection.create(state.doc, inside(state, index)))));
    expect(at(5)).toEqual(['Bloc 0', 'Bloc 4', 'Bloc 5', 'Bloc 6', 'Bloc 9']);
    expect(at(0)).toEqual(['Bloc 0', 'Bloc 1', 'Bloc 9']);
    expect(at(9)).toEqual(['Bloc 0', 'Bloc 8', 'Bloc 9']);
  });

  it('cover every block a selection spans, with one on each side', () => {
    const state = noteOf(10);
    const selection = TextSelection.create(state.doc, inside(state, 3), inside(state, 6));
    expect(markedBlocks(state.apply(state.tr.setSelection(selection)))).toEqual([
      'Bloc 0',
      'Bloc 2',
      'Bloc 3',
      'Bloc 4',
      'Bloc 5',
      'Bloc 6',
      'Bloc 7',
      'Bloc 9',
    ]);
  });

  it('follow a block made under the caret, such as a list a Markdown shortcut has just made', () => {
    let state = noteOf(4);
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, inside(state, 2))));
    const { $from } = state.selection;
    const list = schema.node('bulletList', null, schema.node('listItem', null, $from.parent));
    const wrapped = state.tr.replaceWith($from.before(1), $from.after(1), list);
    // The caret stays in the paragraph, now inside the list's item, as a Markdown rule leaves it.
    state = state.apply(wrapped.setSelection(TextSelection.create(wrapped.doc, $from.pos + 2)));
    expect(state.doc.child(2).type.name).toBe('bulletList');
    expect(state.selection.$from.parent.textContent).toBe('Bloc 2');
    expect(markedBlocks(state)).toEqual(['Bloc 0', 'Bloc 1', 'Bloc 2', 'Bloc 3']);
  });
});
