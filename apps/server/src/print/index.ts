export { DOCUMENT_VERSION_LENGTH, documentVersion } from './document-version.ts';
export { escapeHtml } from './html-escape.ts';
export { noteBodyHtml } from './note-body-html.ts';
export { packChangesHtml } from './pack-changes-html.ts';
export { noteHtml, packHtml } from './print-document.ts';
export type { FontSource } from './print-fonts.ts';
export { LINKED_FONT_ORIGIN, printFontFiles } from './print-fonts.ts';
export {
  loadPrintNote,
  loadPrintVersion,
  type PrintNoteSources,
  type PrintVersionSource,
} from './print-note-loader.ts';
export { RUNNING_HEADER_MAX_LENGTH, shortened } from './print-stylesheet.ts';
export type {
  PackCover,
  PackLayout,
  PackNoteChanges,
  PaperSize,
  PrintedTally,
  PrintLanguage,
  PrintNote,
  PrintOptions,
  PrintPack,
} from './print-types.ts';
export { frozenVersionLabel, printedDate, printWords } from './print-words.ts';
