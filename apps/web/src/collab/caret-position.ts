import { DOCUMENT_FIELD } from '@plume/editor-schema';
import type { Editor } from '@tiptap/core';
import { type ProsemirrorBinding, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';

/**
 * The caret in a present person's awareness state: the head of the selection y-tiptap's cursor
 * plugin publishes, as a Yjs relative position. Null when they have none in the note, or when
 * what their browser sent is not a relative position (awareness is not checked by the server).
 */
export function caretOf(awarenessState: unknown): Y.RelativePosition | null {
  if (!isRecord(awarenessState) || !isRecord(awarenessState.cursor)) return null;
  const { head } = awarenessState.cursor;
  if (!isRecord(head)) return null;
  const { type, tname, item, assoc } = head;
  const typeId = idOf(type);
  const itemId = idOf(item);
  if (typeId === undefined || itemId === undefined) return null;
  // A named type other than the note's would make Yjs create it in our document.
  if (tname !== undefined && tname !== null && tname !== DOCUMENT_FIELD) return null;
  if (typeId === null && itemId === null && tname !== DOCUMENT_FIELD) return null;
  if (assoc !== undefined && assoc !== null && !Number.isInteger(assoc)) return null;
  return Y.createRelativePositionFromJSON({ type: typeId, tname: tname ?? null, item: itemId, assoc: assoc ?? 0 });
}

/** Where a present person's caret is in the editor, as a ProseMirror position, or null when it is nowhere in the note. */
export function caretPositionIn(editor: Editor, awarenessState: unknown): number | null {
  const caret = caretOf(awarenessState);
  const binding = syncBindingOf(editor);
  if (caret === null || binding === null) return null;
  const position = relativePositionToAbsolutePosition(binding.doc, binding.type, caret, binding.mapping);
  return position === null ? null : Math.min(position, editor.state.doc.content.size);
}

function syncBindingOf(editor: Editor): ProsemirrorBinding | null {
  const state: unknown = ySyncPluginKey.getState(editor.state);
  // The binding exists once the editor's view does.
  return isRecord(state) && isRecord(state.binding) ? (state.binding as unknown as ProsemirrorBinding) : null;
}

// undefined when the value is not an id; null when there is none.
function idOf(value: unknown): { client: number; clock: number } | null | undefined {
  if (value === undefined || value === null) return null;
  if (!isRecord(value)) return undefined;
  const { client, clock } = value;
  return Number.isSafeInteger(client) && Number.isSafeInteger(clock) && Number(client) >= 0 && Number(clock) >= 0
    ? { client: Number(client), clock: Number(clock) }
    : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
