import { SESSION_COOKIE_NAME } from '@plume/protocol';
import type { Response } from 'express';

/** How the session cookie is named and flagged; behind TLS it is `Secure` with the `__Host-` prefix. */
export type CookiePolicy = { readonly name: string; readonly secure: boolean };

/** The cookie policy for a server published at `publicUrl` (null: plain HTTP, loopback). */
export function createCookiePolicy(publicUrl: URL | null): CookiePolicy {
  const secure = publicUrl?.protocol === 'https:';
  return { name: secure ? `__Host-${SESSION_COOKIE_NAME}` : SESSION_COOKIE_NAME, secure };
}

/** The value of cookie `name` in a `Cookie` header, or null. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const pair of header.split(';')) {
    const separator = pair.indexOf('=');
    if (separator === -1 || pair.slice(0, separator).trim() !== name) continue;
    const value = pair.slice(separator + 1).trim();
    return value.length > 0 && value.length <= 200 ? value : null;
  }
  return null;
}

/** Sets the session cookie: HttpOnly, SameSite=Lax (a link from a mail still opens the app signed in). */
export function setSessionCookie(response: Response, policy: CookiePolicy, token: string, expiresAt: string): void {
  response.cookie(policy.name, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: policy.secure,
    path: '/',
    expires: new Date(expiresAt),
  });
}

/** Removes the session cookie from the browser. */
export function clearSessionCookie(response: Response, policy: CookiePolicy): void {
  response.clearCookie(policy.name, { httpOnly: true, sameSite: 'lax', secure: policy.secure, path: '/' });
}
