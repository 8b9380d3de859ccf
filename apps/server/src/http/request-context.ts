import type { AccountSummary, UserSummary } from '@plume/protocol';
import type { UserRecord } from '@plume/storage';
import type { Request, RequestHandler, Response } from 'express';
import type { Auth } from '../auth/create-auth.ts';
import type { Principal } from '../auth/sessions.ts';
import { RefusalError } from '../refusal-error.ts';
import { type CookiePolicy, readCookie } from './session-cookie.ts';

/** Resolves the session cookie of every request into `response.locals.principal` (null when none). */
export function createAuthenticate(auth: Auth, cookie: CookiePolicy): RequestHandler {
  return (request, response, next) => {
    response.locals.principal = auth.sessions.resolve(readCookie(request.get('cookie'), cookie.name));
    next();
  };
}

/** The session behind this request, or null. */
export function principalOf(response: Response): Principal | null {
  return (response.locals.principal as Principal | null | undefined) ?? null;
}

/** The signed-in account behind this request; throws `unauthenticated` for anyone else. */
export function requireAccount(response: Response): { principal: Principal; user: UserRecord } {
  const principal = principalOf(response);
  if (!principal?.user) throw new RefusalError('unauthenticated');
  return { principal, user: principal.user };
}

/** The signed-in admin behind this request; throws for anyone else. */
export function requireAdmin(response: Response): { principal: Principal; user: UserRecord } {
  const signedIn = requireAccount(response);
  if (!signedIn.user.isAdmin) throw new RefusalError('adminOnly');
  return signedIn;
}

/** Throws `unauthenticated` when the request has no session at all. */
export function requireSession(response: Response): Principal {
  const principal = principalOf(response);
  if (!principal) throw new RefusalError('unauthenticated');
  return principal;
}

/** The origin links sent to people should use: the public URL, else the one this request reached. */
export function appOrigin(request: Request, publicUrl: URL | null): string {
  return publicUrl?.origin ?? `${request.protocol}://${request.get('host')}`;
}

/** An account as the API shows it. */
export function toAccountSummary(user: UserRecord): AccountSummary {
  return { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin };
}

/** An account as the admin list shows it. */
export function toUserSummary(user: UserRecord): UserSummary {
  return {
    ...toAccountSummary(user),
    disabled: user.disabled,
    hasPassword: user.passwordHash !== null,
    createdAt: user.createdAt,
  };
}
