import { afterEach, describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { steadyCaretAwareness } from './steady-caret-awareness.ts';

const docs: Y.Doc[] = [];
afterEach(() => {
  for (const doc of docs.splice(0)) doc.destroy();
});

function setUp() {
  const doc = new Y.Doc();
  docs.push(doc);
  const text = doc.getText('t');
  text.insert(0, 'abc');
  const awareness = new Awareness(doc);
  const updates: number[] = [];
  awareness.on('update', () => updates.push(awareness.meta.get(awareness.clientID)?.clock ?? -1));
  const at = (index: number) => Y.createRelativePositionFromTypeIndex(text, index);
  return { awareness, view: steadyCaretAwareness(awareness), updates, at, text };
}

describe('steadyCaretAwareness', () => {
  it('does not set the caret again where it already is', () => {
    const { view, updates, at, text } = setUp();
    view.setLocalStateField('cursor', { anchor: at(2), head: at(2) });
    expect(updates).toHaveLength(1);
    // A co-author types before the caret: its relative position is the same.
    text.insert(0, 'xyz');
    view.setLocalStateField('cursor', { anchor: at(5), head: at(5) });
    expect(updates).toHaveLength(1);
  });

  it('sets the caret when it moves, when it goes and for any other field', () => {
    const { awareness, view, updates, at } = setUp();
    view.setLocalStateField('cursor', { anchor: at(1), head: at(1) });
    view.setLocalStateField('cursor', { anchor: at(1), head: at(3) });
    view.setLocalStateField('cursor', null);
    view.setLocalStateField('cursor', null);
    view.setLocalStateField('user', { name: 'Alice' });
    expect(updates).toHaveLength(4);
    expect(awareness.getLocalState()).toEqual({ cursor: null, user: { name: 'Alice' } });
  });
});
