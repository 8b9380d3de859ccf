import type { LinkRole, SessionInfo } from '@plume/protocol';
import { callApi, jsonRequest } from './api-client.ts';

/** Who the browser is, and the calls that change it: sign-in, first setup, invitations, share links. */
export const sessionApi = {
  get: () => callApi<SessionInfo>('/api/session'),
  signIn: (email: string, password: string) =>
    callApi<SessionInfo>('/api/session', jsonRequest('POST', { email, password })),
  signOut: () => callApi<void>('/api/session', jsonRequest('DELETE')),
  setup: (body: { token: string; email: string; name: string; password: string }) =>
    callApi<SessionInfo>('/api/setup', jsonRequest('POST', body)),
  acceptInvitation: (token: string, password: string) =>
    callApi<SessionInfo>('/api/invitations/accept', jsonRequest('POST', { token, password })),
  redeemShareLink: (token: string) =>
    callApi<{ noteId: string; role: LinkRole }>('/api/share-links/redeem', jsonRequest('POST', { token })),
  changePassword: (currentPassword: string, newPassword: string) =>
    callApi<void>('/api/account/password', jsonRequest('POST', { currentPassword, newPassword })),
  signOutEverywhere: () => callApi<void>('/api/account/sign-out-everywhere', jsonRequest('POST')),
};

/** The session API as views receive it. */
export type SessionApi = typeof sessionApi;
