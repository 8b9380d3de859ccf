import { getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { createEditorExtensions } from './editor-extensions.ts';

/** The ProseMirror schema of a note, built from the shared extensions; needs no DOM. */
export function createEditorSchema(): Schema {
  return getSchema(createEditorExtensions());
}
