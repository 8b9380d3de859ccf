import { exportQuery, isNoteId } from '@plume/protocol';
import { Router } from 'express';
import type { Auth } from '../auth/create-auth.ts';
import { attachmentDisposition } from '../export/export-file-name.ts';
import { exportNote } from '../export/note-export.ts';
import type { PdfRenderer } from '../pdf/chromium-renderer.ts';
import { ChromiumUnavailableError } from '../pdf/chromium-unavailable.ts';
import { loadPrintNote, loadPrintVersion } from '../print/index.ts';
import { RefusalError } from '../refusal-error.ts';
import type { RoomRegistry } from '../sync/room-registry.ts';
import type { Workspace } from '../workspace/create-workspace.ts';
import { parseQuery } from './parse-request.ts';
import { principalOf, requireSession } from './request-context.ts';
import { printedDocumentHeaders } from './security-headers.ts';

/**
 * `GET /api/notes/:noteId/export?format=pdf|docx|md|html|txt&version=`: a note, as it is now or as
 * one of its versions, as a file to download, for anyone who may read it.
 */
export function createExportRouter(options: {
  workspace: Workspace;
  rooms: RoomRegistry;
  auth: Auth;
  /** The PDF renderer, made on first use. */
  pdfRenderer: () => PdfRenderer;
  /** The marking printed on every page. */
  marking: string;
}): Router {
  const { workspace, rooms, auth, pdfRenderer, marking } = options;
  const router = Router();

  router.get('/:noteId/export', async (request, response) => {
    const noteId = String(request.params.noteId);
    if (!isNoteId(noteId)) throw new RefusalError('invalidNoteId');
    const { format, lang, version } = parseQuery(exportQuery, request.query);
    requireSession(response);
    const decision = await auth.check.authorise(principalOf(response), noteId, 'export');
    if (!decision.ok) throw new RefusalError(decision.reason === 'notFound' ? 'noteNotFound' : 'forbidden');
    const sources = { notes: workspace.notes, rooms, versions: workspace.versions };
    const note =
      version === undefined
        ? await loadPrintNote(sources, noteId, lang)
        : await loadPrintVersion(sources, noteId, version, lang);
    let file: Awaited<ReturnType<typeof exportNote>>;
    try {
      file = await exportNote(note, format, {
        marking,
        language: lang,
        renderPdf: (html) => pdfRenderer().render(html),
      });
    } catch (error) {
      // The renderer does not know who asked: the refusal is worded again in their language.
      if (error instanceof ChromiumUnavailableError) throw new ChromiumUnavailableError(lang);
      throw error;
    }
    auth.audit.record({
      action: 'note.exported',
      by: principalOf(response),
      noteId,
      ip: request.ip ?? null,
      detail: { format, version: note.version, ...(note.frozen && { versionId: note.frozen.id }) },
    });
    if (format === 'html') response.set(printedDocumentHeaders('none'));
    response
      .set({ 'Content-Disposition': attachmentDisposition(note.title, format), 'X-Content-Type-Options': 'nosniff' })
      .type(file.contentType)
      .send(file.body);
  });

  return router;
}
