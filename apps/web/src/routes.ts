/** The screens of the app, read from the address bar. */
export type Route = { name: 'notes' } | { name: 'note'; noteId: string } | { name: 'unknown' };

/** Maps a pathname to its screen; the note id is checked later, by the API. */
export function routeOf(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'notes' };
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
