import { createEditorSchema } from '@plume/editor-schema';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { describe, expect, it } from 'vitest';
import { toolbarContextOf } from './toolbar-context.ts';

const schema = createEditorSchema();
const paragraph = (text: string) => schema.node('paragraph', null, text ? schema.text(text) : []);

function stateOf(doc: ProseMirrorNode, from: number, to = from): EditorState {
  const state = EditorState.create({ schema, doc });
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, to)));
}

describe('the toolbar context', () => {
  it('stays the same while text is typed inside a paragraph', () => {
    let state = stateOf(schema.node('doc', null, [paragraph('Le budget')]), 10);
    const before = toolbarContextOf(state, true);
    state = state.apply(state.tr.insertText(' de la santé'));
    expect(state.selection.from).toBe(22);
    expect(toolbarContextOf(state, true)).toBe(before);
  });

  it('changes with the block, the marks at the caret and whether the note is editable', () => {
    const doc = schema.node('doc', null, [
      schema.node('heading', { level: 2 }, schema.text('Titre')),
      paragraph('Du texte'),
    ]);
    const inParagraph = stateOf(doc, 10);
    const context = toolbarContextOf(inParagraph, true);
    expect(toolbarContextOf(stateOf(doc, 3), true)).not.toBe(context);
    expect(toolbarContextOf(inParagraph, false)).not.toBe(context);
    const bold = schema.marks.bold?.create();
    if (!bold) throw new Error('the schema has no bold mark');
    expect(toolbarContextOf(inParagraph.apply(inParagraph.tr.addStoredMark(bold)), true)).not.toBe(context);
  });

  it('is none for a selection of text or a caret in a table: the toolbar then asks every command', () => {
    const cell = (text: string) => schema.node('tableCell', null, paragraph(text));
    const table = schema.node('table', null, [schema.node('tableRow', null, [cell('a'), cell('b')])]);
    const doc = schema.node('doc', null, [paragraph('Du texte'), table]);
    expect(toolbarContextOf(stateOf(doc, 2, 5), true)).toBeNull();
    expect(toolbarContextOf(stateOf(doc, 14), true)).toBeNull();
    expect(toolbarContextOf(stateOf(doc, 2), true)).not.toBeNull();
  });
});
