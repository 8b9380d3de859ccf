import {
  createVersionRequest,
  isNoteId,
  isVersionId,
  type NoteAction,
  type VersionDetail,
  type VersionSummary,
} from '@plume/protocol';
import { type Request, type Response, Router } from 'express';
import type { Auth } from '../auth/create-auth.ts';
import { RefusalError } from '../refusal-error.ts';
import type { Workspace } from '../workspace/create-workspace.ts';
import { parseRequest } from './parse-request.ts';
import { principalOf, requireSession } from './request-context.ts';

/**
 * The `/api/notes/:noteId/versions` resource: a note's versions for anyone who may read it;
 * naming the current state and restoring a version for its editors and owners.
 */
export function createVersionsRouter(workspace: Workspace, auth: Auth): Router {
  const { versions } = workspace;
  const router = Router();

  async function authorise(request: Request, response: Response, action: NoteAction) {
    const noteId = String(request.params.noteId);
    if (!isNoteId(noteId)) throw new RefusalError('invalidNoteId');
    requireSession(response);
    const decision = await auth.check.authorise(principalOf(response), noteId, action);
    if (!decision.ok) throw new RefusalError(decision.reason === 'notFound' ? 'noteNotFound' : 'forbidden');
    return decision;
  }

  function versionIdOf(request: Request): string {
    const versionId = String(request.params.versionId);
    if (!isVersionId(versionId)) throw new RefusalError('versionNotFound');
    return versionId;
  }

  router.get('/:noteId/versions', async (request, response) => {
    const { note } = await authorise(request, response, 'read');
    const list: VersionSummary[] = await versions.list(note.id);
    response.json(list);
  });

  router.get('/:noteId/versions/:versionId', async (request, response) => {
    const { note } = await authorise(request, response, 'read');
    const found = await versions.get(note.id, versionIdOf(request));
    if (!found) throw new RefusalError('versionNotFound');
    const detail: VersionDetail = { ...found.version, content: found.content };
    response.json(detail);
  });

  router.post('/:noteId/versions', async (request, response) => {
    const { name } = parseRequest(createVersionRequest, request.body);
    const { note } = await authorise(request, response, 'write');
    const version: VersionSummary = await versions.freeze(note.id, { kind: 'named', name });
    auth.audit.record({
      action: 'note.versionNamed',
      by: principalOf(response),
      noteId: note.id,
      ip: request.ip ?? null,
      detail: { versionId: version.id, name },
    });
    response.status(201).json(version);
  });

  router.post('/:noteId/versions/:versionId/restore', async (request, response) => {
    const { note } = await authorise(request, response, 'write');
    const versionId = versionIdOf(request);
    const by = principalOf(response);
    const restored: VersionSummary = await versions.restore(note.id, versionId, by?.user?.id ?? null);
    auth.audit.record({
      action: 'note.versionRestored',
      by,
      noteId: note.id,
      ip: request.ip ?? null,
      detail: { versionId, restoredAs: restored.id },
    });
    response.json(restored);
  });

  return router;
}
