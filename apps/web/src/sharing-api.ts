import type { AccountSummary, CreatedShareLink, LinkRole, NoteRole, NoteSharing } from '@plume/protocol';
import { callApi, jsonRequest } from './api-client.ts';

const sharingPath = (noteId: string) => `/api/notes/${encodeURIComponent(noteId)}`;

/** Who may open a note and through which links: the share dialog's calls (owners and admins only). */
export const sharingApi = {
  get: (noteId: string) => callApi<NoteSharing>(`${sharingPath(noteId)}/sharing`),
  /** Active accounts, to suggest people by e-mail. */
  people: () => callApi<AccountSummary[]>('/api/people'),
  setMember: (noteId: string, email: string, role: NoteRole) =>
    callApi<NoteSharing>(`${sharingPath(noteId)}/members`, jsonRequest('PUT', { email, role })),
  removeMember: (noteId: string, userId: string) =>
    callApi<NoteSharing>(`${sharingPath(noteId)}/members/${encodeURIComponent(userId)}`, jsonRequest('DELETE')),
  createLink: (noteId: string, link: { role: LinkRole; expiresAt: string | null; label?: string }) =>
    callApi<CreatedShareLink>(`${sharingPath(noteId)}/links`, jsonRequest('POST', link)),
  revokeLink: (noteId: string, linkId: string) =>
    callApi<void>(`${sharingPath(noteId)}/links/${encodeURIComponent(linkId)}`, jsonRequest('DELETE')),
};

/** The sharing API as views receive it. */
export type SharingApi = typeof sharingApi;
