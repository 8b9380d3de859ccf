import { describe, expect, it } from 'vitest';
import { routeOf } from './routes.ts';

describe('routeOf', () => {
  it.each([
    ['/', { name: 'notes' }],
    ['/notes/abc123', { name: 'note', noteId: 'abc123' }],
    ['/notes/abc123/', { name: 'note', noteId: 'abc123' }],
    ['/notes/%E2%82%AC', { name: 'note', noteId: '€' }],
    ['/notes/%', { name: 'unknown' }],
    ['/notes/a/b', { name: 'unknown' }],
    ['/elsewhere', { name: 'unknown' }],
  ])('reads %s', (pathname, route) => {
    expect(routeOf(pathname)).toEqual(route);
  });
});
