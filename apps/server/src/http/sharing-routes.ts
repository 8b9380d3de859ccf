import {
  type CreatedShareLink,
  createShareLinkRequest,
  type NoteSharing,
  type ShareLinkSummary,
  setMemberRequest,
  TOKEN_PAGE,
} from '@plume/protocol';
import type { ShareLinkRecord } from '@plume/storage';
import { type Request, type Response, Router } from 'express';
import type { Auth } from '../auth/create-auth.ts';
import { RefusalError } from '../refusal-error.ts';
import { parseRequest } from './parse-request.ts';
import { appOrigin, requireAccount, requireSession } from './request-context.ts';

/** Who a note is shared with, under `/api/notes/:noteId`: members and share links; owners and admins only. */
export function createSharingRouter(auth: Auth, publicUrl: URL | null): Router {
  const router = Router({ mergeParams: true });
  const { store, check, audit } = auth;

  async function authoriseSharing(request: Request, response: Response) {
    const noteId = String(request.params.noteId);
    const decision = await check.authorise(requireSession(response), noteId, 'share');
    if (!decision.ok) throw new RefusalError(decision.reason === 'notFound' ? 'noteNotFound' : 'forbidden');
    return { noteId, ...requireAccount(response) };
  }

  function sharing(noteId: string): NoteSharing {
    const members = store.grants
      .filter((grant) => grant.noteId === noteId)
      .flatMap((grant) => {
        const user = auth.accounts.get(grant.userId);
        return user ? [{ userId: user.id, email: user.email, name: user.name, role: grant.role }] : [];
      })
      .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
    return { members, links: auth.links.listLive(noteId, check.isLive).map(toLinkSummary) };
  }

  function ensureAnOwnerRemains(noteId: string, changedUserId: string): void {
    const owners = store.grants.filter((grant) => grant.noteId === noteId && grant.role === 'owner');
    if (owners.length === 1 && owners[0]?.userId === changedUserId) throw new RefusalError('lastOwner');
  }

  router.get('/sharing', async (request, response) => {
    const { noteId } = await authoriseSharing(request, response);
    response.json(sharing(noteId));
  });

  router.put('/members', async (request, response) => {
    const { noteId, principal } = await authoriseSharing(request, response);
    const { email, role } = parseRequest(setMemberRequest, request.body);
    const person = auth.accounts.findActiveByEmail(email);
    if (!person) throw new RefusalError('unknownPerson');
    if (role !== 'owner') ensureAnOwnerRemains(noteId, person.id);
    await store.grants.put({ noteId, userId: person.id, role });
    audit.record({ action: 'note.shared', by: principal, noteId, detail: { userId: person.id, role }, ip: request.ip });
    response.json(sharing(noteId));
  });

  router.delete('/members/:userId', async (request, response) => {
    const { noteId, principal } = await authoriseSharing(request, response);
    const userId = String(request.params.userId);
    ensureAnOwnerRemains(noteId, userId);
    await store.grants.remove((grant) => grant.noteId === noteId && grant.userId === userId);
    audit.record({ action: 'note.unshared', by: principal, noteId, detail: { userId }, ip: request.ip });
    response.json(sharing(noteId));
  });

  router.post('/links', async (request, response) => {
    const { noteId, principal, user } = await authoriseSharing(request, response);
    const { role, expiresAt, label } = parseRequest(createShareLinkRequest, request.body);
    if (expiresAt !== null && Date.parse(expiresAt) <= Date.now()) {
      throw new RefusalError('invalidBody', '"expiresAt" must be in the future.');
    }
    const { link, token } = await auth.links.create({
      noteId,
      role,
      expiresAt: expiresAt === null ? null : new Date(expiresAt).toISOString(),
      label: label ?? null,
      createdBy: user.id,
    });
    audit.record({
      action: 'link.created',
      by: principal,
      noteId,
      detail: { linkId: link.id, role, expiresAt: link.expiresAt },
      ip: request.ip,
    });
    const created: CreatedShareLink = {
      link: toLinkSummary(link),
      url: `${appOrigin(request, publicUrl)}${TOKEN_PAGE.shareLink}#${token}`,
    };
    response.status(201).json(created);
  });

  router.delete('/links/:linkId', async (request, response) => {
    const { noteId, principal } = await authoriseSharing(request, response);
    const link = await auth.links.revoke(noteId, String(request.params.linkId));
    audit.record({ action: 'link.revoked', by: principal, noteId, detail: { linkId: link.id }, ip: request.ip });
    response.status(204).end();
  });

  return router;
}

function toLinkSummary(link: ShareLinkRecord): ShareLinkSummary {
  return {
    id: link.id,
    role: link.role,
    label: link.label,
    createdAt: link.createdAt,
    createdBy: link.createdBy,
    expiresAt: link.expiresAt,
  };
}
