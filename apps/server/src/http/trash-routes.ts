import { isNoteId, roleAllows, type TrashedNote } from '@plume/protocol';
import { type Request, type Response, Router } from 'express';
import type { Auth } from '../auth/create-auth.ts';
import { RefusalError } from '../refusal-error.ts';
import type { Workspace } from '../workspace/create-workspace.ts';
import { principalOf, requireSession } from './request-context.ts';

/** The `/api/trash` resource: notes put in the trash, to restore or delete for good; owners and admins only. */
export function createTrashRouter(workspace: Workspace, auth: Auth): Router {
  const { notes, presenter, lifecycle } = workspace;
  const router = Router();

  // The access check refuses trashed notes to everyone; here they are what is asked for.
  async function trashedNote(request: Request, response: Response) {
    const noteId = String(request.params.noteId);
    if (!isNoteId(noteId)) throw new RefusalError('invalidNoteId');
    const role = auth.check.roleOn(requireSession(response), noteId);
    const note = role && (await notes.getNote(noteId));
    if (!note || !role || note.deletedAt === null) throw new RefusalError('noteNotFound');
    if (!roleAllows(role, 'delete')) throw new RefusalError('forbidden');
    return { note, role };
  }

  router.get('/', async (_request, response) => {
    const principal = requireSession(response);
    const list: TrashedNote[] = (await notes.listTrashed()).flatMap((note) => {
      const role = auth.check.roleOn(principal, note.id);
      return role && roleAllows(role, 'delete') ? [presenter.trashed(note, role)] : [];
    });
    response.json(list);
  });

  router.post('/:noteId/restore', async (request, response) => {
    const { note, role } = await trashedNote(request, response);
    const restored = await lifecycle.restore(note);
    auth.audit.record({ action: 'note.restored', by: principalOf(response), noteId: note.id, ip: request.ip ?? null });
    response.json(presenter.detail(restored, role));
  });

  router.delete('/:noteId', async (request, response) => {
    const noteId = String(request.params.noteId);
    // A note outside the trash must go there first: deleting for good is always a second step.
    const live = isNoteId(noteId) ? await notes.getNote(noteId) : undefined;
    if (live && live.deletedAt === null && auth.check.roleOn(requireSession(response), noteId)) {
      throw new RefusalError('notInTrash');
    }
    const { note } = await trashedNote(request, response);
    await lifecycle.purge(note);
    auth.audit.record({
      action: 'note.purged',
      by: principalOf(response),
      noteId: note.id,
      detail: { title: note.title },
      ip: request.ip ?? null,
    });
    response.status(204).end();
  });

  return router;
}
