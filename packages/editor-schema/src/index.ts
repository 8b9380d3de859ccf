export { createEditorExtensions, DOCUMENT_FIELD } from './editor-extensions.ts';
export { createEditorSchema } from './editor-schema.ts';
