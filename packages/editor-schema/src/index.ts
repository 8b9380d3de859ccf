export type { DocumentRules } from './document-rules.ts';
export { createDocumentRules, MAX_NESTING_DEPTH, TEXT_NODE } from './document-rules.ts';
export type { EditorExtensionOptions } from './editor-extensions.ts';
export { CELL_ALIGNMENTS, createEditorExtensions, DOCUMENT_FIELD, HEADING_LEVELS } from './editor-extensions.ts';
export { createEditorSchema } from './editor-schema.ts';
export type { NoteContent } from './note-content.ts';
export { countWords, documentUpdateFrom, noteContentOf } from './note-content.ts';
export { HREF_MAX_LENGTH, isSafeHref } from './safe-href.ts';
