import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';

/** The awareness field in which the caret plugin keeps this browser's caret. */
const CARET_FIELD = 'cursor';

type Caret = { anchor: unknown; head: unknown } | null;

/**
 * The awareness as the caret plugin should write to it: setting the caret to where it already is
 * does nothing. The plugin sets it again after every co-author's change, even when its position
 * in the document has not moved, and each time the caret would be sent to everyone again.
 */
export function steadyCaretAwareness(awareness: Awareness): Awareness {
  const view = Object.create(awareness) as Awareness;
  view.setLocalStateField = (field: string, value: unknown) => {
    if (field === CARET_FIELD && sameCaret(awareness.getLocalState()?.[field] as Caret | undefined, value as Caret))
      return;
    awareness.setLocalStateField(field, value);
  };
  return view;
}

// Relative positions name an item of the document, so they stay equal while others type elsewhere.
function sameCaret(current: Caret | undefined, next: Caret): boolean {
  if (current === undefined) return false;
  if (current === null || next === null) return current === next;
  return samePosition(current.anchor, next.anchor) && samePosition(current.head, next.head);
}

function samePosition(a: unknown, b: unknown): boolean {
  if (a === null || typeof a !== 'object' || b === null || typeof b !== 'object') return false;
  return Y.compareRelativePositions(Y.createRelativePositionFromJSON(a), Y.createRelativePositionFromJSON(b));
}
