import { isNoteId, printNoteQuery } from '@plume/protocol';
import { Router } from 'express';
import type { Auth } from '../auth/create-auth.ts';
import { loadPrintNote, loadPrintVersion, noteHtml } from '../print/index.ts';
import { RefusalError } from '../refusal-error.ts';
import type { RoomRegistry } from '../sync/room-registry.ts';
import type { Workspace } from '../workspace/create-workspace.ts';
import { parseQuery } from './parse-request.ts';
import { principalOf, requireSession } from './request-context.ts';
import { printedDocumentHeaders } from './security-headers.ts';

/** `GET /api/notes/:noteId/print?version=`: one note, as it is now or as one of its versions, as a print-ready HTML document, for anyone who may read it. */
export function createPrintRouter(options: {
  workspace: Workspace;
  rooms: RoomRegistry;
  auth: Auth;
  /** The marking printed on every page. */
  marking: string;
}): Router {
  const { workspace, rooms, auth, marking } = options;
  const router = Router();

  router.get('/:noteId/print', async (request, response) => {
    // Set first, so that a refusal also loads in the app's print frame, which then shows why.
    response.set(printedDocumentHeaders('self'));
    const noteId = String(request.params.noteId);
    if (!isNoteId(noteId)) throw new RefusalError('invalidNoteId');
    const query = parseQuery(printNoteQuery, request.query);
    requireSession(response);
    const decision = await auth.check.authorise(principalOf(response), noteId, 'read');
    if (!decision.ok) throw new RefusalError(decision.reason === 'notFound' ? 'noteNotFound' : 'forbidden');
    const sources = { notes: workspace.notes, rooms, versions: workspace.versions };
    const note =
      query.version === undefined
        ? await loadPrintNote(sources, noteId, query.lang)
        : await loadPrintVersion(sources, noteId, query.version, query.lang);
    const html = noteHtml(note, {
      paper: query.paper,
      largeType: query.largeType,
      language: query.lang,
      marking,
      doubleSided: false,
    });
    auth.audit.record({
      action: 'note.printed',
      by: principalOf(response),
      noteId,
      ip: request.ip ?? null,
      detail: {
        paper: query.paper,
        largeType: query.largeType,
        version: note.version,
        ...(note.frozen && { versionId: note.frozen.id }),
      },
    });
    response.type('text/html; charset=utf-8').send(html);
  });

  return router;
}
