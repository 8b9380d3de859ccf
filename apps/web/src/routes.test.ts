import { describe, expect, it } from 'vitest';
import { loginPath, returnPathFrom, routeOf, searchPath } from './routes.ts';

describe('routeOf', () => {
  it.each([
    ['/', { name: 'notes' }],
    ['/notes/abc123', { name: 'note', noteId: 'abc123' }],
    ['/notes/abc123/', { name: 'note', noteId: 'abc123' }],
    ['/notes/%E2%82%AC', { name: 'note', noteId: '€' }],
    ['/notes/%', { name: 'unknown' }],
    ['/notes/a/b', { name: 'unknown' }],
    ['/elsewhere', { name: 'unknown' }],
    ['/login', { name: 'login' }],
    ['/setup', { name: 'setup' }],
    ['/invitation', { name: 'invitation' }],
    ['/s', { name: 'shareLink' }],
    ['/account', { name: 'account' }],
    ['/account/', { name: 'account' }],
    ['/admin', { name: 'admin' }],
    ['/administration', { name: 'unknown' }],
    ['/search', { name: 'search' }],
    ['/search/', { name: 'search' }],
    ['/trash', { name: 'trash' }],
    ['/themes', { name: 'themes' }],
    ['/themes/abc', { name: 'unknown' }],
    ['/pack', { name: 'pack' }],
  ])('reads %s', (pathname, route) => {
    expect(routeOf(pathname)).toEqual(route);
  });
});

describe('searchPath', () => {
  it('keeps the query in the address, encoded', () => {
    expect(searchPath('  déserts médicaux ')).toBe('/search?q=d%C3%A9serts+m%C3%A9dicaux');
    expect(searchPath('a&b=c')).toBe('/search?q=a%26b%3Dc');
  });

  it('opens the empty search page for a blank query', () => {
    expect(searchPath('   ')).toBe('/search');
  });
});

describe('returning after sign-in', () => {
  it('remembers the requested page and comes back to it', () => {
    const path = loginPath('/notes/abc123?lang=en');
    expect(path).toBe('/login?next=%2Fnotes%2Fabc123%3Flang%3Den');
    expect(returnPathFrom(path.slice(path.indexOf('?')))).toBe('/notes/abc123?lang=en');
  });

  it('needs no return address for the home page', () => {
    expect(loginPath('/')).toBe('/login');
    expect(returnPathFrom('')).toBe('/');
  });

  it.each([
    'https://evil.example/',
    '//evil.example/notes',
    '/\\evil.example',
    'javascript:alert(1)',
    '/login?next=/admin',
    '/s#secret-token',
    '/setup',
  ])('refuses to send the person to %s', (next) => {
    expect(returnPathFrom(`?next=${encodeURIComponent(next)}`)).toBe('/');
  });

  it('drops a fragment, which may hold a secret', () => {
    expect(returnPathFrom(`?next=${encodeURIComponent('/notes/abc#x')}`)).toBe('/notes/abc');
  });
});
