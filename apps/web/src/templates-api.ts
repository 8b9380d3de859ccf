import type { TemplateSummary } from '@plume/protocol';
import { callApi, jsonRequest } from './api-client.ts';

const templatePath = (templateId: string) => `/api/templates/${encodeURIComponent(templateId)}`;

/** The templates new notes start from; only admins create, change or delete them. */
export const templatesApi = {
  list: () => callApi<TemplateSummary[]>('/api/templates'),
  /** Saves a note's current content as a new template. */
  create: (template: { name: string; description: string; fromNoteId: string }) =>
    callApi<TemplateSummary>('/api/templates', jsonRequest('POST', template)),
  update: (templateId: string, change: { name?: string; description?: string }) =>
    callApi<TemplateSummary>(templatePath(templateId), jsonRequest('PATCH', change)),
  remove: (templateId: string) => callApi<void>(templatePath(templateId), jsonRequest('DELETE')),
};

/** The templates API as views receive it. */
export type TemplatesApi = typeof templatesApi;
