import {
  acceptInvitationRequest,
  changePasswordRequest,
  redeemShareLinkRequest,
  type SessionInfo,
  setupRequest,
  signInRequest,
} from '@plume/protocol';
import { type Request, type Response, Router } from 'express';
import type { AttemptLimiter } from '../auth/attempt-limiter.ts';
import type { Auth } from '../auth/create-auth.ts';
import type { Principal } from '../auth/sessions.ts';
import { RefusalError } from '../refusal-error.ts';
import { parseRequest } from './parse-request.ts';
import { principalOf, requireAccount, toAccountSummary } from './request-context.ts';
import { type CookiePolicy, clearSessionCookie, setSessionCookie } from './session-cookie.ts';

/**
 * Signing in and out, the first admin, invitations, share-link redemption and one's own account:
 * `/api/session`, `/api/setup`, `/api/invitations`, `/api/share-links`, `/api/account`, `/api/people`.
 */
export function createAuthRouter(auth: Auth, cookie: CookiePolicy): Router {
  const router = Router();
  const { accounts, sessions, audit } = auth;

  function sessionInfo(principal: Principal | null): SessionInfo {
    const links = (principal?.session.linkIds ?? []).flatMap((id) => {
      const link = auth.store.shareLinks.find((candidate) => candidate.id === id);
      return link && auth.check.isLive(link) ? [{ noteId: link.noteId, role: link.role }] : [];
    });
    return {
      user: principal?.user ? toAccountSummary(principal.user) : null,
      links,
      setupRequired: accounts.setupToken !== null,
    };
  }

  // A new session at every sign-in, so that a cookie planted before cannot ride on it; share
  // links redeemed before signing in carry over.
  async function startSession(response: Response, userId: string | null, previous: Principal | null) {
    if (previous) await sessions.end(previous.session.id);
    const { token, session } = await sessions.create(userId, previous?.session.linkIds ?? []);
    setSessionCookie(response, cookie, token, session.expiresAt);
    return sessions.resolveById(session.id);
  }

  function refuseWhileLimited(limiter: AttemptLimiter, key: string, response: Response): void {
    const wait = limiter.retryAfter(key);
    if (wait === 0) return;
    response.set('Retry-After', String(wait));
    throw new RefusalError('tooManyAttempts');
  }

  const redemptionKey = (request: Request, response: Response) => {
    const user = principalOf(response)?.user;
    return user ? `account:${user.id}` : `address:${request.ip}`;
  };

  router.get('/session', (_request, response) => {
    response.json(sessionInfo(principalOf(response)));
  });

  router.post('/session', async (request, response) => {
    const { email, password } = parseRequest(signInRequest, request.body);
    const accountKey = `${request.ip}|${email}`;
    const addressKey = String(request.ip);
    refuseWhileLimited(auth.signInPerAddress, addressKey, response);
    refuseWhileLimited(auth.signInPerAccount, accountKey, response);
    const user = await accounts.signIn(email, password);
    if (!user) {
      auth.signInPerAccount.fail(accountKey);
      auth.signInPerAddress.fail(addressKey);
      audit.record({ action: 'user.signInFailed', by: null, detail: { email }, ip: request.ip });
      throw new RefusalError('invalidCredentials');
    }
    auth.signInPerAccount.succeed(accountKey);
    const principal = await startSession(response, user.id, principalOf(response));
    audit.record({ action: 'user.signedIn', by: principal, ip: request.ip });
    response.json(sessionInfo(principal));
  });

  router.delete('/session', async (request, response) => {
    const principal = principalOf(response);
    if (principal) {
      await sessions.end(principal.session.id);
      audit.record({ action: 'user.signedOut', by: principal, ip: request.ip });
    }
    clearSessionCookie(response, cookie);
    response.status(204).end();
  });

  router.post('/setup', async (request, response) => {
    refuseWhileLimited(auth.tokenRedemptions, redemptionKey(request, response), response);
    const body = parseRequest(setupRequest, request.body);
    let user: Awaited<ReturnType<typeof accounts.completeSetup>>;
    try {
      user = await accounts.completeSetup(body);
    } catch (error) {
      if (error instanceof RefusalError && error.code === 'invalidToken') {
        auth.tokenRedemptions.fail(redemptionKey(request, response));
      }
      throw error;
    }
    const principal = await startSession(response, user.id, principalOf(response));
    audit.record({ action: 'setup.completed', by: principal, ip: request.ip });
    response.status(201).json(sessionInfo(principal));
  });

  router.post('/invitations/accept', async (request, response) => {
    refuseWhileLimited(auth.tokenRedemptions, redemptionKey(request, response), response);
    const { token, password } = parseRequest(acceptInvitationRequest, request.body);
    let user: Awaited<ReturnType<typeof accounts.acceptInvitation>>;
    try {
      user = await accounts.acceptInvitation(token, password);
    } catch (error) {
      if (error instanceof RefusalError) auth.tokenRedemptions.fail(redemptionKey(request, response));
      throw error;
    }
    const principal = await startSession(response, user.id, principalOf(response));
    audit.record({ action: 'user.passwordChanged', by: principal, detail: { through: 'invitation' }, ip: request.ip });
    response.json(sessionInfo(principal));
  });

  router.post('/share-links/redeem', async (request, response) => {
    const key = redemptionKey(request, response);
    refuseWhileLimited(auth.tokenRedemptions, key, response);
    const { token } = parseRequest(redeemShareLinkRequest, request.body);
    let link: ReturnType<typeof auth.links.find>;
    try {
      link = auth.links.find(token, auth.check.isLive);
    } catch (error) {
      auth.tokenRedemptions.fail(key);
      throw error;
    }
    let principal = principalOf(response);
    if (principal) {
      await sessions.addLink(principal.session, link.id);
    } else {
      const { token: sessionToken, session } = await sessions.create(null, [link.id]);
      setSessionCookie(response, cookie, sessionToken, session.expiresAt);
      principal = sessions.resolveById(session.id);
    }
    audit.record({
      action: 'link.redeemed',
      by: principal,
      noteId: link.noteId,
      detail: { linkId: link.id, role: link.role },
      ip: request.ip,
    });
    response.json({ noteId: link.noteId, role: link.role });
  });

  router.post('/account/password', async (request, response) => {
    const { principal, user } = requireAccount(response);
    const key = `account:${user.id}`;
    refuseWhileLimited(auth.passwordChanges, key, response);
    const { currentPassword, newPassword } = parseRequest(changePasswordRequest, request.body);
    try {
      await accounts.changePassword(user.id, currentPassword, newPassword);
    } catch (error) {
      if (error instanceof RefusalError) auth.passwordChanges.fail(key);
      throw error;
    }
    // A changed password ends every other session: a thief's included.
    await sessions.endForUser(user.id, principal.session.id);
    audit.record({ action: 'user.passwordChanged', by: principal, ip: request.ip });
    response.status(204).end();
  });

  router.post('/account/sign-out-everywhere', async (request, response) => {
    const { principal, user } = requireAccount(response);
    const ended = await sessions.endForUser(user.id);
    audit.record({ action: 'sessions.ended', by: principal, detail: { userId: user.id, ended }, ip: request.ip });
    clearSessionCookie(response, cookie);
    response.status(204).end();
  });

  router.get('/people', (_request, response) => {
    requireAccount(response);
    response.json(
      accounts
        .list()
        .filter((user) => !user.disabled)
        .map(toAccountSummary),
    );
  });

  return router;
}
