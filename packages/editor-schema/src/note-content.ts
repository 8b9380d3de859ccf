import type { JSONContent } from '@tiptap/core';
import {
  prosemirrorJSONToYXmlFragment,
  prosemirrorToYXmlFragment,
  yXmlFragmentToProseMirrorRootNode,
} from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { DOCUMENT_FIELD } from './editor-extensions.ts';
import { createEditorSchema } from './editor-schema.ts';

const schema = createEditorSchema();

/** A note's content as ProseMirror JSON (a `doc` node), valid in the editor schema. */
export type NoteContent = JSONContent;

/** The content of a note's document, as the editor would show it; `doc` itself is never changed. */
export function noteContentOf(doc: Y.Doc): NoteContent {
  // y-prosemirror deletes, in the document it reads, any element it cannot turn into a node: read
  // on a live room's document, that would be an edit nobody made. It reads a copy instead.
  const copy = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    return yXmlFragmentToProseMirrorRootNode(copy.getXmlFragment(DOCUMENT_FIELD), schema).toJSON() as NoteContent;
  } finally {
    copy.destroy();
  }
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

/**
 * Replaces the content of a live note's document with `content`, in one transaction tagged with
 * `origin`. Only what differs is rewritten (y-prosemirror's own diff), so blocks left as they were
 * keep their identity and edits made to them concurrently survive. Throws a RangeError, before
 * touching the document, when the content does not fit the editor schema.
 */
export function replaceNoteContent(doc: Y.Doc, content: unknown, origin: unknown): void {
  const node = schema.nodeFromJSON(content);
  node.check();
  doc.transact(() => {
    prosemirrorToYXmlFragment(node, doc.getXmlFragment(DOCUMENT_FIELD));
  }, origin);
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
