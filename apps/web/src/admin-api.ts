import type { AuditEntry, InvitationLink, SessionSummary, UserSummary } from '@plume/protocol';
import { callApi, jsonRequest } from './api-client.ts';

const userPath = (userId: string) => `/api/users/${encodeURIComponent(userId)}`;

/** The administrator's calls: accounts, sessions and the audit log. */
export const adminApi = {
  users: () => callApi<UserSummary[]>('/api/users'),
  createUser: (body: { email: string; name: string; isAdmin: boolean }) =>
    callApi<InvitationLink>('/api/users', jsonRequest('POST', body)),
  updateUser: (userId: string, change: { name?: string; isAdmin?: boolean; disabled?: boolean }) =>
    callApi<UserSummary>(userPath(userId), jsonRequest('PATCH', change)),
  resetUser: (userId: string) => callApi<InvitationLink>(`${userPath(userId)}/reset`, jsonRequest('POST')),
  sessions: () => callApi<SessionSummary[]>('/api/sessions'),
  endSession: (sessionId: string) =>
    callApi<void>(`/api/sessions/${encodeURIComponent(sessionId)}`, jsonRequest('DELETE')),
  endOtherSessions: () => callApi<void>('/api/sessions', jsonRequest('DELETE')),
  /** The audit log, newest first; `noteId` narrows it to one note. */
  audit: (filter: { noteId?: string; limit?: number } = {}) => {
    const query = new URLSearchParams();
    if (filter.noteId) query.set('noteId', filter.noteId);
    if (filter.limit !== undefined) query.set('limit', String(filter.limit));
    const search = query.toString();
    return callApi<AuditEntry[]>(search ? `/api/audit?${search}` : '/api/audit');
  },
};

/** The admin API as views receive it. */
export type AdminApi = typeof adminApi;
