import type { JSONContent } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { DOCUMENT_FIELD } from './editor-extensions.ts';
import { createEditorSchema } from './editor-schema.ts';

const schema = createEditorSchema();

/** A note's content as ProseMirror JSON (a `doc` node), valid in the editor schema. */
export type NoteContent = JSONContent;

/** The content of a note's document, as the editor would show it. */
export function noteContentOf(doc: Y.Doc): NoteContent {
  return yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(DOCUMENT_FIELD), schema).toJSON() as NoteContent;
}

/**
 * A new document holding `content`, as one Yjs update to store for a new note. Throws a
 * RangeError when the content does not fit the editor schema.
 */
export function documentUpdateFrom(content: unknown): Uint8Array {
  // nodeFromJSON checks node and mark names; check() checks what each node may contain.
  schema.nodeFromJSON(content).check();
  const doc = new Y.Doc();
  prosemirrorJSONToYXmlFragment(schema, content, doc.getXmlFragment(DOCUMENT_FIELD));
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

// Letters and digits, held together by inner apostrophes and hyphens: "l'économie" and
// "sous-préfet" are one word each, as word processors count them, and so is the number "3,5".
const WORD = /[\p{L}\p{N}]+(?:(?:['’-]|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{N}]+)*/gu;

/** Number of words in a text, counted the way word processors do. */
export function countWords(text: string): number {
  let count = 0;
  for (const _ of text.matchAll(WORD)) count++;
  return count;
}
