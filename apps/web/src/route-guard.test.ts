import type { SessionInfo } from '@plume/protocol';
import { describe, expect, it } from 'vitest';
import { guardRoute } from './route-guard.ts';
import { routeOf } from './routes.ts';

const NOTE = 'a1b2c3d4e5f6g7h8i9j0';
const anonymous: SessionInfo = { user: null, links: [], setupRequired: false };
const person: SessionInfo = {
  user: { id: 'u1', email: 'anne@example.org', name: 'Anne', isAdmin: false },
  links: [],
  setupRequired: false,
};
const admin: SessionInfo = { ...person, user: { id: 'u0', email: 'root@example.org', name: 'Root', isAdmin: true } };
const guest: SessionInfo = { user: null, links: [{ noteId: NOTE, role: 'editor' }], setupRequired: false };

function guard(path: string, session: SessionInfo) {
  const url = new URL(path, 'http://plume.test');
  return guardRoute(routeOf(url.pathname), session, url.pathname + url.search);
}

describe('guardRoute', () => {
  it('explains the first setup on every page but the setup page itself', () => {
    const fresh = { ...anonymous, setupRequired: true };
    expect(guard('/', fresh)).toEqual({ name: 'setupNeeded' });
    expect(guard('/login', fresh)).toEqual({ name: 'setupNeeded' });
    expect(guard('/setup', fresh)).toEqual({ name: 'show', route: { name: 'setup' } });
  });

  it('sends a stranger to the sign-in page and remembers where they were going', () => {
    expect(guard(`/notes/${NOTE}`, anonymous)).toEqual({ name: 'redirect', path: `/login?next=%2Fnotes%2F${NOTE}` });
    expect(guard('/', anonymous)).toEqual({ name: 'redirect', path: '/login' });
    expect(guard('/login', anonymous)).toEqual({ name: 'show', route: { name: 'login' } });
  });

  it('opens token pages to anyone', () => {
    for (const path of ['/s', '/invitation', '/setup']) expect(guard(path, anonymous).name).toBe('show');
    expect(guard('/s', person).name).toBe('show');
  });

  it('lets a share-link guest reach notes, but not account pages', () => {
    expect(guard(`/notes/${NOTE}`, guest)).toEqual({ name: 'show', route: { name: 'note', noteId: NOTE } });
    expect(guard('/', guest)).toEqual({ name: 'redirect', path: `/notes/${NOTE}` });
    expect(guard('/account', guest)).toEqual({ name: 'redirect', path: '/login?next=%2Faccount' });
    expect(guard('/trash', guest)).toEqual({ name: 'redirect', path: '/login?next=%2Ftrash' });
    expect(guard('/themes', guest)).toEqual({ name: 'redirect', path: '/login?next=%2Fthemes' });
    expect(guard('/search?q=loyers', guest)).toEqual({ name: 'show', route: { name: 'search' } });
  });

  it('opens the workspace pages to every account', () => {
    for (const name of ['search', 'trash', 'themes'] as const) {
      expect(guard(`/${name}`, person)).toEqual({ name: 'show', route: { name } });
    }
  });

  it('keeps the admin page for administrators', () => {
    expect(guard('/admin', person)).toEqual({ name: 'redirect', path: '/' });
    expect(guard('/admin', admin)).toEqual({ name: 'show', route: { name: 'admin' } });
  });

  it('takes a signed-in person away from the sign-in page', () => {
    expect(guard('/login', person)).toEqual({ name: 'redirect', path: '/' });
    expect(guard('/login?next=%2Faccount', person)).toEqual({ name: 'redirect', path: '/account' });
  });
});
