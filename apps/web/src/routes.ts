import { TOKEN_PAGE } from '@plume/protocol';

/** The screens of the app, read from the address bar. */
export type Route =
  | { name: 'notes' }
  | { name: 'note'; noteId: string }
  | { name: 'login' }
  | { name: 'setup' }
  | { name: 'invitation' }
  | { name: 'shareLink' }
  | { name: 'account' }
  | { name: 'admin' }
  | { name: 'search' }
  | { name: 'trash' }
  | { name: 'themes' }
  | { name: 'pack' }
  | { name: 'unknown' };

/** Path of the sign-in page. */
export const LOGIN_PATH = '/login';

const FIXED_PAGES: Record<string, Route> = {
  '/': { name: 'notes' },
  '': { name: 'notes' },
  [LOGIN_PATH]: { name: 'login' },
  [TOKEN_PAGE.setup]: { name: 'setup' },
  [TOKEN_PAGE.invitation]: { name: 'invitation' },
  [TOKEN_PAGE.shareLink]: { name: 'shareLink' },
  '/account': { name: 'account' },
  '/admin': { name: 'admin' },
  '/search': { name: 'search' },
  '/trash': { name: 'trash' },
  '/themes': { name: 'themes' },
  '/pack': { name: 'pack' },
};

/** The search page's address for a query; the page itself when the query is blank. */
export function searchPath(query: string): string {
  const trimmed = query.trim();
  return trimmed === '' ? '/search' : `/search?${new URLSearchParams({ q: trimmed })}`;
}

/** Maps a pathname to its screen; the note id is checked later, by the API. */
export function routeOf(pathname: string): Route {
  const fixed = FIXED_PAGES[pathname.length > 1 ? pathname.replace(/\/$/, '') : pathname];
  if (fixed) return fixed;
  const match = /^\/notes\/([^/]+)\/?$/.exec(pathname);
  if (!match?.[1]) return { name: 'unknown' };
  try {
    return { name: 'note', noteId: decodeURIComponent(match[1]) };
  } catch (error) {
    // A stray "%" in a hand-typed address is not a note.
    if (error instanceof URIError) return { name: 'unknown' };
    throw error;
  }
}

/** The sign-in page's address, remembering where to return afterwards (nothing for the home page). */
export function loginPath(returnTo: string): string {
  const target = safeReturnPath(returnTo);
  return target === '/' ? LOGIN_PATH : `${LOGIN_PATH}?next=${encodeURIComponent(target)}`;
}

/** Where to go after signing in, read from the sign-in page's `?next=`; `/` unless it is a path of this site. */
export function returnPathFrom(search: string): string {
  return safeReturnPath(new URLSearchParams(search).get('next') ?? '/');
}

// Only same-site paths: "//host" and "/\host" are other sites to a browser, and going back to a
// token page or the sign-in page itself would loop.
function safeReturnPath(path: string): string {
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return '/';
  const pathname = path.split(/[?#]/, 1)[0] ?? '/';
  const route = routeOf(pathname);
  if (['login', 'setup', 'invitation', 'shareLink'].includes(route.name)) return '/';
  return path.includes('#') ? path.slice(0, path.indexOf('#')) : path;
}
