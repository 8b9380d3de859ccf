import { describe, expect, it } from 'vitest';
import {
  isFiltered,
  notesQueryOf,
  readWorkspaceQuery,
  type WorkspaceQuery,
  workspaceSearch,
} from './workspace-query.ts';

const EVERYTHING: WorkspaceQuery = { view: 'list', theme: null, status: null, contributor: null, sort: 'updated' };

describe('the workspace in the address bar', () => {
  it('shows every note in a list, last edited first, by default', () => {
    expect(readWorkspaceQuery('', null)).toEqual(EVERYTHING);
    expect(workspaceSearch(EVERYTHING, '')).toBe('');
  });

  it('reads the view, filters and sort it wrote, and keeps the language', () => {
    const query: WorkspaceQuery = {
      view: 'board',
      theme: 'none',
      status: 'review',
      contributor: 'user_1234',
      sort: 'title',
    };
    const search = workspaceSearch(query, '?lang=en&theme=old');
    expect(search).toBe('?lang=en&theme=none&view=board&status=review&contributor=user_1234&sort=title');
    expect(readWorkspaceQuery(search, 'list')).toEqual(query);
  });

  it('prefers the view in the address to the remembered one, and the remembered one to the list', () => {
    expect(readWorkspaceQuery('?view=list', 'board').view).toBe('list');
    expect(readWorkspaceQuery('', 'board').view).toBe('board');
    expect(readWorkspaceQuery('?view=grid', 'mosaic').view).toBe('list');
  });

  it('ignores statuses and sorts it does not know', () => {
    expect(readWorkspaceQuery('?status=published&sort=random&theme=', null)).toEqual(EVERYTHING);
  });
});

describe('notesQueryOf', () => {
  it('asks for each sort in its natural order', () => {
    expect(notesQueryOf(EVERYTHING)).toEqual({ sort: 'updated', order: 'desc' });
    expect(notesQueryOf({ ...EVERYTHING, sort: 'title' })).toEqual({ sort: 'title', order: 'asc' });
  });

  it('never filters the board on a status, since its columns are the statuses', () => {
    const filtered = { ...EVERYTHING, status: 'sent', theme: 'th_12345678' } as const;
    expect(notesQueryOf(filtered)).toMatchObject({ status: 'sent', theme: 'th_12345678' });
    expect(notesQueryOf({ ...filtered, view: 'board' })).not.toHaveProperty('status');
    expect(isFiltered({ ...EVERYTHING, status: 'sent', view: 'board' })).toBe(false);
    expect(isFiltered({ ...EVERYTHING, status: 'sent' })).toBe(true);
  });
});
