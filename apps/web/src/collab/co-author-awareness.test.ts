import { afterEach, describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { coAuthorAwareness } from './co-author-awareness.ts';

const awarenesses: Awareness[] = [];
afterEach(() => {
  for (const awareness of awarenesses.splice(0)) awareness.destroy();
});

function newAwareness(): Awareness {
  const awareness = new Awareness(new Y.Doc());
  awarenesses.push(awareness);
  return awareness;
}

describe('coAuthorAwareness', () => {
  it('reports co-authors’ changes and not one’s own', () => {
    const mine = newAwareness();
    const theirs = newAwareness();
    const seen: number[][] = [];
    coAuthorAwareness(mine).on('change', (changes: { added: number[]; updated: number[]; removed: number[] }) => {
      seen.push([...changes.added, ...changes.updated, ...changes.removed]);
    });

    mine.setLocalStateField('cursor', { anchor: 1, head: 1 });
    expect(seen).toEqual([]);
    theirs.setLocalStateField('cursor', { anchor: 2, head: 2 });
    // As y-websocket does: their state arrives as an awareness update.
    awarenessProtocol.applyAwarenessUpdate(
      mine,
      awarenessProtocol.encodeAwarenessUpdate(theirs, [theirs.clientID]),
      'remote',
    );
    expect(seen).toEqual([[theirs.clientID]]);
  });

  it('shares the states and the local setters of the real awareness', () => {
    const mine = newAwareness();
    const view = coAuthorAwareness(mine);
    view.setLocalStateField('user', { name: 'Alice' });
    expect(mine.getLocalState()).toEqual({ user: { name: 'Alice' } });
    expect(view.getStates()).toBe(mine.getStates());
    expect(view.clientID).toBe(mine.clientID);
  });

  it('stops reporting once the listener is removed', () => {
    const mine = newAwareness();
    const theirs = newAwareness();
    const view = coAuthorAwareness(mine);
    let calls = 0;
    const listener = () => {
      calls++;
    };
    view.on('change', listener);
    view.off('change', listener);
    theirs.setLocalStateField('cursor', { anchor: 2, head: 2 });
    awarenessProtocol.applyAwarenessUpdate(
      mine,
      awarenessProtocol.encodeAwarenessUpdate(theirs, [theirs.clientID]),
      'remote',
    );
    expect(calls).toBe(0);
  });
});
