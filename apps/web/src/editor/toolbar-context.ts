import type { Mark, ResolvedPos } from '@tiptap/pm/model';
import { type EditorState, TextSelection } from '@tiptap/pm/state';
import { yUndoPluginKey } from '@tiptap/y-tiptap';

/**
 * What the toolbar's buttons depend on at a caret, as one string: whether the note is editable,
 * the nodes around the caret and the marks there, and how many changes can be undone and redone.
 * Typing inside a paragraph changes none of it, so the toolbar asks its commands again only when
 * this changes: asking all of them builds thousands of functions, and the garbage they left made
 * typing in a long note stall. Null when the selection is not a caret or is in a table: formats
 * are then read across the text selected, and a header row in another row of the table.
 */
export function toolbarContextOf(state: EditorState, editable: boolean): string | null {
  const { selection } = state;
  if (!selection.empty || !(selection instanceof TextSelection) || isInTable(selection.$from)) return null;
  const undo = yUndoPluginKey.getState(state)?.undoManager;
  return [
    String(editable),
    nodesAround(selection.$from),
    marksText(state.storedMarks ?? selection.$from.marks()),
    `${undo?.undoStack.length ?? 0}/${undo?.redoStack.length ?? 0}`,
  ].join('|');
}

// The type and attributes of each node from the document down to the one holding `$position`.
function nodesAround($position: ResolvedPos): string {
  const names: string[] = [];
  for (let depth = 1; depth <= $position.depth; depth++) {
    const node = $position.node(depth);
    names.push(`${node.type.name}${JSON.stringify(node.attrs)}`);
  }
  return names.join('>');
}

function isInTable($position: ResolvedPos): boolean {
  for (let depth = $position.depth; depth > 0; depth--) if ($position.node(depth).type.name === 'table') return true;
  return false;
}

function marksText(marks: readonly Mark[]): string {
  return marks.map((mark) => `${mark.type.name}${JSON.stringify(mark.attrs)}`).join(',');
}
