import {
  CURRENT_STATE,
  createVersionRequest,
  GUEST_AUTHOR_PREFIX,
  isNoteId,
  isVersionId,
  type NoteAction,
  type NoteAuthor,
  type NoteAuthorsResponse,
  type VersionComparison,
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

  function authorOf(id: string, clientIds: number[]): NoteAuthor {
    // Guests have no account; the page names them in its own language.
    const name = id.startsWith(GUEST_AUTHOR_PREFIX) ? null : (auth.accounts.get(id)?.name ?? null);
    return { id, name, clientIds };
  }

  router.get('/:noteId/authors', async (request, response) => {
    const { note } = await authorise(request, response, 'read');
    const authors = [...(await versions.authorsOf(note.id))].map(([id, clientIds]) => authorOf(id, clientIds));
    const body: NoteAuthorsResponse = { authors };
    response.json(body);
  });

  // Before `/:versionId`, which would take "compare" for a version id.
  router.get('/:noteId/versions/compare', async (request, response) => {
    const { note } = await authorise(request, response, 'read');
    const { from, to } = request.query;
    if (!isVersionId(from) || !(to === CURRENT_STATE || isVersionId(to))) throw new RefusalError('versionNotFound');
    const compared = await versions.compare(note.id, from, to);
    const known = await versions.authorsOf(note.id);
    const named = new Set(compared.tallies.flatMap(({ author }) => (author === null ? [] : [author])));
    const body: VersionComparison = {
      ...compared,
      authors: [...named].map((id) => authorOf(id, known.get(id) ?? [])),
    };
    response.json(body);
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
