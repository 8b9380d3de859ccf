import {
  createUserRequest,
  type InvitationLink,
  type SessionSummary,
  TOKEN_PAGE,
  updateUserRequest,
} from '@plume/protocol';
import type { Request } from 'express';
import { Router } from 'express';
import type { Invitation } from '../auth/accounts.ts';
import type { Auth } from '../auth/create-auth.ts';
import { RefusalError } from '../refusal-error.ts';
import { parseRequest } from './parse-request.ts';
import { appOrigin, requireAdmin, toAccountSummary, toUserSummary } from './request-context.ts';

/** Largest number of audit entries one request returns. */
const MAX_AUDIT_ENTRIES = 1_000;

/** What admins manage: `/api/users`, `/api/sessions` and `/api/audit`. */
export function createAdminRouter(auth: Auth, publicUrl: URL | null): Router {
  const router = Router();
  const { accounts, sessions, audit } = auth;

  const invitationLink = (request: Request, invitation: Invitation): InvitationLink => ({
    user: toUserSummary(invitation.user),
    url: `${appOrigin(request, publicUrl)}${TOKEN_PAGE.invitation}#${invitation.token}`,
    expiresAt: invitation.expiresAt,
  });

  router.get('/users', (_request, response) => {
    requireAdmin(response);
    response.json(accounts.list().map(toUserSummary));
  });

  router.post('/users', async (request, response) => {
    const { principal } = requireAdmin(response);
    const body = parseRequest(createUserRequest, request.body);
    const invitation = await accounts.create(body);
    audit.record({
      action: 'user.created',
      by: principal,
      detail: { userId: invitation.user.id, email: invitation.user.email, isAdmin: body.isAdmin },
      ip: request.ip,
    });
    response.status(201).json(invitationLink(request, invitation));
  });

  router.patch('/users/:userId', async (request, response) => {
    const { principal, user: admin } = requireAdmin(response);
    const patch = parseRequest(updateUserRequest, request.body);
    if (request.params.userId === admin.id && (patch.disabled === true || patch.isAdmin === false)) {
      // An admin who locks themselves out may leave nobody able to undo it.
      throw new RefusalError('invalidBody', 'You cannot disable or demote your own account.');
    }
    const user = await accounts.update(String(request.params.userId), patch);
    if (user.disabled) await sessions.endForUser(user.id);
    audit.record({ action: 'user.updated', by: principal, detail: { userId: user.id, ...patch }, ip: request.ip });
    response.json(toUserSummary(user));
  });

  router.post('/users/:userId/reset', async (request, response) => {
    const { principal } = requireAdmin(response);
    const invitation = await accounts.reset(String(request.params.userId));
    await sessions.endForUser(invitation.user.id);
    audit.record({ action: 'user.reset', by: principal, detail: { userId: invitation.user.id }, ip: request.ip });
    response.json(invitationLink(request, invitation));
  });

  router.get('/sessions', (_request, response) => {
    const { principal } = requireAdmin(response);
    const list: SessionSummary[] = auth.store.sessions
      .all()
      .filter((session) => sessions.resolveById(session.id) !== null)
      .sort((a, b) => b.lastSeenAt.localeCompare(a.lastSeenAt))
      .map((session) => {
        const user = session.userId === null ? undefined : accounts.get(session.userId);
        return {
          id: session.id,
          user: user ? toAccountSummary(user) : null,
          noteIds: [
            ...new Set(
              session.linkIds.flatMap((id) => auth.store.shareLinks.find((link) => link.id === id)?.noteId ?? []),
            ),
          ],
          createdAt: session.createdAt,
          lastSeenAt: session.lastSeenAt,
          expiresAt: session.expiresAt,
          current: session.id === principal.session.id,
        };
      });
    response.json(list);
  });

  router.delete('/sessions', async (request, response) => {
    const { principal } = requireAdmin(response);
    const ended = await sessions.endAll(principal.session.id);
    audit.record({ action: 'sessions.ended', by: principal, detail: { scope: 'all', ended }, ip: request.ip });
    response.status(204).end();
  });

  router.delete('/sessions/:sessionId', async (request, response) => {
    const { principal } = requireAdmin(response);
    await sessions.end(String(request.params.sessionId));
    audit.record({
      action: 'sessions.ended',
      by: principal,
      detail: { sessionId: String(request.params.sessionId) },
      ip: request.ip,
    });
    response.status(204).end();
  });

  router.get('/audit', async (request, response) => {
    requireAdmin(response);
    const noteId =
      typeof request.query.noteId === 'string' && request.query.noteId !== '' ? request.query.noteId : undefined;
    const limit = Math.min(MAX_AUDIT_ENTRIES, Math.max(1, Number(request.query.limit) || 200));
    response.json(await auth.readAudit({ noteId, limit }));
  });

  return router;
}
