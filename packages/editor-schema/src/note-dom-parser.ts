import { DOMParser } from '@tiptap/pm/model';
import { createEditorSchema } from './editor-schema.ts';
import type { NoteContent } from './note-content.ts';

const parser = DOMParser.fromSchema(createEditorSchema());

/** A DOM node as ProseMirror's parser reads it: the browser's, or a server-side implementation's. */
export type ParsableDom = Parameters<DOMParser['parse']>[0];

/**
 * Reads a DOM tree into note content with the editor schema's own parse rules: whatever the
 * schema does not know is dropped and its text kept, links only where `isSafeHref` allows them.
 */
export function noteContentFromDom(root: ParsableDom): NoteContent {
  return parser.parse(root).toJSON() as NoteContent;
}
