import {
  type AuditAction,
  createNoteRequest,
  duplicateNoteRequest,
  isNoteId,
  listNotesQuery,
  type NoteAction,
  type NoteView,
  setStatusRequest,
  updateNoteRequest,
} from '@plume/protocol';
import { type Request, type Response, Router } from 'express';
import type { Auth } from '../auth/create-auth.ts';
import { RefusalError } from '../refusal-error.ts';
import type { Workspace } from '../workspace/create-workspace.ts';
import { queryNotes } from '../workspace/note-query.ts';
import { parseQuery, parseRequest } from './parse-request.ts';
import { principalOf, requireAccount, requireSession } from './request-context.ts';
import { createSharingRouter } from './sharing-routes.ts';

/** The `/api/notes` resource: the notes a person may list, create, read, change, copy and trash. */
export function createNotesRouter(options: { workspace: Workspace; auth: Auth; publicUrl: URL | null }): Router {
  const { workspace, auth, publicUrl } = options;
  const { notes, presenter, lifecycle } = workspace;
  const router = Router();

  async function authorise(request: Request, response: Response, action: NoteAction) {
    const noteId = String(request.params.noteId);
    if (!isNoteId(noteId)) throw new RefusalError('invalidNoteId');
    requireSession(response);
    const decision = await auth.check.authorise(principalOf(response), noteId, action);
    if (!decision.ok) throw new RefusalError(decision.reason === 'notFound' ? 'noteNotFound' : 'forbidden');
    return decision;
  }

  const audit = (
    request: Request,
    response: Response,
    action: AuditAction,
    noteId: string,
    detail?: Record<string, string>,
  ) =>
    auth.audit.record({ action, by: principalOf(response), noteId, ip: request.ip ?? null, ...(detail && { detail }) });

  router.get('/', async (request, response) => {
    const principal = requireSession(response);
    const query = parseQuery(listNotesQuery, request.query);
    const list: NoteView[] = queryNotes(await notes.listNotes(), query).flatMap((note) => {
      const role = auth.check.roleOn(principal, note.id);
      return role ? [presenter.view(note, role)] : [];
    });
    response.json(list);
  });

  router.post('/', async (request, response) => {
    const { user } = requireAccount(response);
    const body = parseRequest(createNoteRequest, request.body);
    const note = await lifecycle.create(body, user.id);
    audit(request, response, 'note.created', note.id, body.templateId ? { templateId: body.templateId } : undefined);
    response.status(201).location(`/notes/${note.id}`).json(presenter.detail(note, 'owner'));
  });

  router.get('/:noteId', async (request, response) => {
    const { note, role } = await authorise(request, response, 'read');
    response.json(presenter.detail(note, role));
  });

  router.patch('/:noteId', async (request, response) => {
    const body = parseRequest(updateNoteRequest, request.body);
    const { note, role } = await authorise(request, response, 'write');
    const updated = await lifecycle.update(note, body);
    audit(request, response, 'note.updated', note.id);
    response.json(presenter.detail(updated, role));
  });

  router.put('/:noteId/status', async (request, response) => {
    const { status } = parseRequest(setStatusRequest, request.body);
    const { note, role } = await authorise(request, response, 'write');
    const updated = await lifecycle.setStatus(note, status, principalOf(response)?.user?.id ?? null);
    if (updated.status !== note.status)
      audit(request, response, 'note.statusChanged', note.id, { from: note.status, to: status });
    response.json(presenter.detail(updated, role));
  });

  router.post('/:noteId/duplicate', async (request, response) => {
    const { title } = parseRequest(duplicateNoteRequest, request.body ?? {});
    const { user } = requireAccount(response);
    const { note } = await authorise(request, response, 'read');
    const copy = await lifecycle.duplicate(note, title, user.id);
    audit(request, response, 'note.duplicated', copy.id, { from: note.id });
    response.status(201).location(`/notes/${copy.id}`).json(presenter.detail(copy, 'owner'));
  });

  router.delete('/:noteId', async (request, response) => {
    const { note } = await authorise(request, response, 'delete');
    await lifecycle.trash(note, principalOf(response)?.user?.id ?? null);
    audit(request, response, 'note.deleted', note.id);
    response.status(204).end();
  });

  router.use('/:noteId', createSharingRouter(auth, publicUrl));
  return router;
}
