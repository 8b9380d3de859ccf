import { DOCUMENT_FIELD } from '@plume/editor-schema';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { caretOf } from './caret-position.ts';

/** The awareness state a co-author's browser sends, with its caret at `index` in a fresh text. */
function stateWithCaret(index: number): { doc: Y.Doc; state: unknown } {
  const doc = new Y.Doc();
  const text = new Y.XmlText('Bonjour');
  doc.getXmlFragment(DOCUMENT_FIELD).insert(0, [text]);
  const head = Y.createRelativePositionFromTypeIndex(text, index);
  // Awareness travels as JSON: the relative positions arrive as plain objects.
  return { doc, state: JSON.parse(JSON.stringify({ user: { name: 'Bruno' }, cursor: { anchor: head, head } })) };
}

describe('caretOf', () => {
  it('reads the caret a co-author publishes', () => {
    const { doc, state } = stateWithCaret(3);
    const caret = caretOf(state);
    expect(caret).not.toBeNull();
    expect(Y.createAbsolutePositionFromRelativePosition(caret as Y.RelativePosition, doc)?.index).toBe(3);
  });

  it('says there is none when the person has no caret in the note', () => {
    expect(caretOf({ user: { name: 'Bruno' } })).toBeNull();
    expect(caretOf({ user: { name: 'Bruno' }, cursor: null })).toBeNull();
    expect(caretOf(null)).toBeNull();
  });

  it('ignores what is not a relative position', () => {
    expect(caretOf({ cursor: { head: 'here' } })).toBeNull();
    expect(caretOf({ cursor: { head: { item: { client: 'x', clock: 1 } } } })).toBeNull();
    expect(caretOf({ cursor: { head: { item: { client: 1, clock: -1 } } } })).toBeNull();
    expect(caretOf({ cursor: { head: {} } })).toBeNull();
    // A named type other than the note's would be created in the reader's document.
    expect(caretOf({ cursor: { head: { tname: 'elsewhere' } } })).toBeNull();
    expect(caretOf({ cursor: { head: { tname: DOCUMENT_FIELD } } })).not.toBeNull();
  });
});
