import type { JSONContent } from '@tiptap/core';

/** The server's ProseMirror JSON as a document to show, or null: anything but a `doc` node cannot be a note. */
export function asNoteDocument(json: unknown): JSONContent | null {
  if (typeof json !== 'object' || json === null || (json as { type?: unknown }).type !== 'doc') return null;
  return json as JSONContent;
}
