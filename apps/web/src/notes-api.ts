import type { CreateNoteRequest, NoteDetail, NoteSort, NoteStatus, NoteView, TrashedNote } from '@plume/protocol';
import { callApi, jsonRequest } from './api-client.ts';

const notePath = (noteId: string) => `/api/notes/${encodeURIComponent(noteId)}`;
const trashPath = (noteId: string) => `/api/trash/${encodeURIComponent(noteId)}`;

/** Filters and order of the notes list; absent filters do not narrow it. */
export type NotesQuery = {
  /** A theme id, or `none` for notes without a theme. */
  theme?: string;
  status?: NoteStatus;
  contributor?: string;
  sort?: NoteSort;
  order?: 'asc' | 'desc';
};

/** The address of `GET /api/notes` for `query`, its parameters in a stable order. */
export function notesListPath(query: NotesQuery = {}): string {
  const search = new URLSearchParams();
  for (const name of ['theme', 'status', 'contributor', 'sort', 'order'] as const) {
    const value = query[name];
    if (value) search.set(name, value);
  }
  const text = search.toString();
  return text ? `/api/notes?${text}` : '/api/notes';
}

/**
 * The JSON API's notes and trash, seen from the browser: each note comes with one's role on it
 * and who is in it right now.
 */
export const notesApi = {
  list: (query: NotesQuery = {}) => callApi<NoteView[]>(notesListPath(query)),
  get: (noteId: string) => callApi<NoteDetail>(notePath(noteId)),
  create: (body: CreateNoteRequest) => callApi<NoteDetail>('/api/notes', jsonRequest('POST', body)),
  update: (noteId: string, change: { title?: string; themeId?: string | null }) =>
    callApi<NoteDetail>(notePath(noteId), jsonRequest('PATCH', change)),
  setStatus: (noteId: string, status: NoteStatus) =>
    callApi<NoteDetail>(`${notePath(noteId)}/status`, jsonRequest('PUT', { status })),
  duplicate: (noteId: string) => callApi<NoteDetail>(`${notePath(noteId)}/duplicate`, jsonRequest('POST')),
  /** Moves a note to the trash, from where it can be restored. */
  remove: (noteId: string) => callApi<void>(notePath(noteId), jsonRequest('DELETE')),
  trash: () => callApi<TrashedNote[]>('/api/trash'),
  restore: (noteId: string) => callApi<NoteDetail>(`${trashPath(noteId)}/restore`, jsonRequest('POST')),
  /** Deletes a note in the trash for good. */
  purge: (noteId: string) => callApi<void>(trashPath(noteId), jsonRequest('DELETE')),
  /** Address of the plain-text download of a note. */
};

/** The notes API as views receive it, so tests and pages can pass their own. */
export type NotesApi = typeof notesApi;
