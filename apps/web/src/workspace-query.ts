import { isNoteStatus, NOTE_SORTS, type NoteSort, type NoteStatus } from '@plume/protocol';
import type { NotesQuery } from './notes-api.ts';

/** The two ways the workspace shows notes: grouped by theme, or in columns by status. */
export type WorkspaceView = 'list' | 'board';

/** What the workspace shows, as the address bar keeps it: `?view=board&theme=…&status=…&contributor=…&sort=…`. */
export type WorkspaceQuery = {
  view: WorkspaceView;
  /** A theme id, `none` for notes without a theme, or null for every theme. */
  theme: string | null;
  status: NoteStatus | null;
  contributor: string | null;
  sort: NoteSort;
};

/** Where the browser remembers the last view chosen, for visits without `?view=`. */
export const VIEW_STORAGE_KEY = 'plume.workspaceView';

const DEFAULT_SORT: NoteSort = 'updated';

// Each sort goes the way people expect it to: newest, A to Z, along the workflow, longest first.
const ORDER_OF: Record<NoteSort, 'asc' | 'desc'> = {
  updated: 'desc',
  created: 'desc',
  title: 'asc',
  status: 'asc',
  readingTime: 'desc',
};

const isView = (value: unknown): value is WorkspaceView => value === 'list' || value === 'board';
const isSort = (value: unknown): value is NoteSort => (NOTE_SORTS as readonly unknown[]).includes(value);

/** Reads the workspace's state from the address's search part; `?view=` wins over `rememberedView`. */
export function readWorkspaceQuery(search: string, rememberedView: string | null): WorkspaceQuery {
  const params = new URLSearchParams(search);
  const view = params.get('view');
  const status = params.get('status');
  const sort = params.get('sort');
  return {
    view: isView(view) ? view : isView(rememberedView) ? rememberedView : 'list',
    theme: params.get('theme') || null,
    status: isNoteStatus(status) ? status : null,
    contributor: params.get('contributor') || null,
    sort: isSort(sort) ? sort : DEFAULT_SORT,
  };
}

/**
 * The search part (with its `?`, or empty) that keeps `query` in the address, leaving other
 * parameters such as `lang` as they were; defaults are left out to keep addresses short.
 */
export function workspaceSearch(query: WorkspaceQuery, currentSearch: string): string {
  const params = new URLSearchParams(currentSearch);
  const set = (name: string, value: string | null) => {
    if (value === null) params.delete(name);
    else params.set(name, value);
  };
  set('view', query.view === 'board' ? 'board' : null);
  set('theme', query.theme);
  set('status', query.status);
  set('contributor', query.contributor);
  set('sort', query.sort === DEFAULT_SORT ? null : query.sort);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The notes API query for the workspace: the board's columns are the statuses, so it never filters on one. */
export function notesQueryOf(query: WorkspaceQuery): NotesQuery {
  return {
    ...(query.theme ? { theme: query.theme } : {}),
    ...(query.status && query.view === 'list' ? { status: query.status } : {}),
    ...(query.contributor ? { contributor: query.contributor } : {}),
    sort: query.sort,
    order: ORDER_OF[query.sort],
  };
}

/** Whether the query narrows the notes shown in its view. */
export function isFiltered(query: WorkspaceQuery): boolean {
  return query.theme !== null || query.contributor !== null || (query.status !== null && query.view === 'list');
}
