import type { NoteView } from '@plume/protocol';
import { callApi, jsonRequest } from './api-client.ts';

const notePath = (noteId: string) => `/api/notes/${encodeURIComponent(noteId)}`;

/** The JSON API's `/api/notes` resource, seen from the browser: each note comes with one's role on it. */
export const notesApi = {
  list: () => callApi<NoteView[]>('/api/notes'),
  get: (noteId: string) => callApi<NoteView>(notePath(noteId)),
  create: (title: string) => callApi<NoteView>('/api/notes', jsonRequest('POST', { title })),
  remove: (noteId: string) => callApi<void>(notePath(noteId), jsonRequest('DELETE')),
  /** Address of the plain-text download of a note. */
  exportUrl: (noteId: string) => `${notePath(noteId)}/export.txt`,
};

/** The notes API as views receive it, so tests and pages can pass their own. */
export type NotesApi = typeof notesApi;
