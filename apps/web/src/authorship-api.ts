import { CURRENT_STATE, type NoteAuthorsResponse, type VersionComparison } from '@plume/protocol';
import { callApi } from './api-client.ts';

const notePath = (noteId: string) => `/api/notes/${encodeURIComponent(noteId)}`;

/**
 * Who wrote what in a note, seen from the browser; anyone who may read the note may ask.
 */
export const authorshipApi = {
  /** Everyone who wrote in the note, with the Yjs client ids they wrote under. */
  authors: (noteId: string) => callApi<NoteAuthorsResponse>(`${notePath(noteId)}/authors`),
  /**
   * Two versions compared, in either order; `to` is a version id or `CURRENT_STATE` for the note
   * as it is now (the default).
   */
  compare: (noteId: string, from: string, to: string = CURRENT_STATE) => {
    const query = new URLSearchParams({ from, to });
    return callApi<VersionComparison>(`${notePath(noteId)}/versions/compare?${query}`);
  },
};

/** The authorship API as views receive it, so tests and pages can pass their own. */
export type AuthorshipApi = typeof authorshipApi;
