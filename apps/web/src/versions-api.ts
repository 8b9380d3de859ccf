import type { VersionDetail, VersionSummary } from '@plume/protocol';
import { callApi, jsonRequest } from './api-client.ts';

const versionsPath = (noteId: string) => `/api/notes/${encodeURIComponent(noteId)}/versions`;
const versionPath = (noteId: string, versionId: string) => `${versionsPath(noteId)}/${encodeURIComponent(versionId)}`;

/**
 * A note's versions, seen from the browser: anyone who may read the note lists and reads them;
 * its editors and owners name the current state and restore a version.
 */
export const versionsApi = {
  /** The note's versions, newest first, without their content. */
  list: (noteId: string) => callApi<VersionSummary[]>(versionsPath(noteId)),
  /** One version with its content as ProseMirror JSON. */
  get: (noteId: string, versionId: string) => callApi<VersionDetail>(versionPath(noteId, versionId)),
  /** Freezes the note as it is now under `name`. */
  name: (noteId: string, name: string) => callApi<VersionSummary>(versionsPath(noteId), jsonRequest('POST', { name })),
  /** Brings a version back as a new change every connected person receives; answers with the `restored` version. */
  restore: (noteId: string, versionId: string) =>
    callApi<VersionSummary>(`${versionPath(noteId, versionId)}/restore`, jsonRequest('POST')),
};

/** The versions API as views receive it, so tests and pages can pass their own. */
export type VersionsApi = typeof versionsApi;
