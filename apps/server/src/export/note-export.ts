import type { ExportFormat } from '@plume/protocol';
import { noteHtml, type PrintLanguage, type PrintNote } from '../print/index.ts';
import { noteAsDocx } from './docx-export.ts';
import { noteAsMarkdown } from './markdown-export.ts';
import { noteContentAsPlainText } from './plain-text-export.ts';

/** A note written in one export format: the file's bytes and the type to serve it with. */
export type ExportedFile = { body: Buffer; contentType: string };

/** What an export needs besides the note: the page marking, the language of its running words, a PDF renderer. */
export type ExportSettings = {
  marking: string;
  language: PrintLanguage;
  /** Renders a complete HTML document to PDF; throws ChromiumUnavailableError when it cannot. */
  renderPdf: (html: string) => Promise<Uint8Array>;
};

const CONTENT_TYPES: Record<ExportFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
};

/**
 * A note as a file in `format`. Markdown and plain text start with the title as a first-level
 * heading or line, so that importing the file back gives the same title and content; HTML and PDF
 * are the print document, A4, with the marking on every page.
 */
export async function exportNote(
  note: PrintNote,
  format: ExportFormat,
  settings: ExportSettings,
): Promise<ExportedFile> {
  const { marking, language } = settings;
  const contentType = CONTENT_TYPES[format];
  const printOptions = { paper: 'A4', marking, language, largeType: false, doubleSided: false } as const;
  switch (format) {
    case 'md': {
      const title = noteAsMarkdown({
        type: 'doc',
        content: [{ type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: note.title }] }],
      });
      return { body: Buffer.from(`${title}\n${noteAsMarkdown(note.content)}`, 'utf8'), contentType };
    }
    case 'txt':
      return { body: Buffer.from(`${note.title}\n\n${noteContentAsPlainText(note.content)}`, 'utf8'), contentType };
    case 'html':
      return { body: Buffer.from(noteHtml(note, printOptions), 'utf8'), contentType };
    case 'docx':
      return { body: await noteAsDocx(note, { marking, language }), contentType };
    case 'pdf': {
      const pdf = await settings.renderPdf(noteHtml(note, printOptions));
      return { body: Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength), contentType };
    }
  }
}
