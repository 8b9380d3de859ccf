import type { SearchResults } from '@plume/protocol';
import { callApi } from './api-client.ts';

/** Full-text search over the notes the person may read. */
export const searchApi = {
  /** The notes matching `query`, best first, at most `limit` of them. */
  search: (query: string, limit = 20) =>
    callApi<SearchResults>(`/api/search?${new URLSearchParams({ q: query, limit: String(limit) })}`),
};

/** The search API as views receive it. */
export type SearchApi = typeof searchApi;
