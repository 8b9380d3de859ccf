import type { SessionInfo } from '@plume/protocol';
import { loginPath, type Route, returnPathFrom } from './routes.ts';

// Pages about the workspace as a whole: a share-link guest has no trash and files no notes.
const ACCOUNT_ONLY = new Set<Route['name']>(['account', 'admin', 'trash', 'themes']);

/** What the app does with a requested page, given who the browser is. */
export type Screen = { name: 'show'; route: Route } | { name: 'redirect'; path: string } | { name: 'setupNeeded' };

/**
 * Decides whether a page is shown, sent elsewhere, or replaced by the first-setup explanation.
 * `path` is the requested pathname and search, to come back to after signing in. Redirects always
 * lead to a page that this function shows, so following them cannot loop.
 */
export function guardRoute(route: Route, session: SessionInfo, path: string): Screen {
  const { user, links } = session;
  // Token pages work whoever the browser is: their token is the credential.
  if (route.name === 'setup' || route.name === 'invitation' || route.name === 'shareLink')
    return { name: 'show', route };
  if (session.setupRequired) return { name: 'setupNeeded' };
  if (route.name === 'login') {
    if (user === null) return { name: 'show', route };
    const query = path.indexOf('?');
    return { name: 'redirect', path: returnPathFrom(query < 0 ? '' : path.slice(query)) };
  }
  if (user === null && (links.length === 0 || ACCOUNT_ONLY.has(route.name))) {
    return { name: 'redirect', path: loginPath(path) };
  }
  if (route.name === 'admin' && user?.isAdmin !== true) return { name: 'redirect', path: '/' };
  // Someone who came through one share link has one note: open it rather than a list of one.
  const [onlyLink] = links;
  if (user === null && route.name === 'notes' && links.length === 1 && onlyLink) {
    return { name: 'redirect', path: `/notes/${encodeURIComponent(onlyLink.noteId)}` };
  }
  return { name: 'show', route };
}
