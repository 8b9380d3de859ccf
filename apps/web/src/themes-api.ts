import type { Theme } from '@plume/protocol';
import { callApi, jsonRequest } from './api-client.ts';

const themePath = (themeId: string) => `/api/themes/${encodeURIComponent(themeId)}`;

/** The themes notes are filed under: anyone with an account adds and edits them, admins delete them. */
export const themesApi = {
  list: () => callApi<Theme[]>('/api/themes'),
  create: (theme: { name: string; color?: string }) => callApi<Theme>('/api/themes', jsonRequest('POST', theme)),
  update: (themeId: string, change: { name?: string; color?: string }) =>
    callApi<Theme>(themePath(themeId), jsonRequest('PATCH', change)),
  /** Deletes a theme; its notes are left without one. */
  remove: (themeId: string) => callApi<void>(themePath(themeId), jsonRequest('DELETE')),
};

/** The themes API as views receive it. */
export type ThemesApi = typeof themesApi;
