import type { ApiErrorBody, NoteSummary } from '@plume/protocol';

/** A failed API call: `status` is 0 when the server could not be reached. */
export class ApiCallError extends Error {
  readonly status: number;
  readonly code: string | null;

  constructor(status: number, code: string | null, message: string) {
    super(message);
    this.name = 'ApiCallError';
    this.status = status;
    this.code = code;
  }
}

/** The JSON API's `/api/notes` resource, seen from the browser. */
export const notesApi = {
  list: () => call<NoteSummary[]>('/api/notes'),
  get: (noteId: string) => call<NoteSummary>(`/api/notes/${encodeURIComponent(noteId)}`),
  create: (title: string) =>
    call<NoteSummary>('/api/notes', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title }),
    }),
};

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { accept: 'application/json', ...init?.headers } });
  } catch (error) {
    throw new ApiCallError(0, null, error instanceof Error ? error.message : String(error));
  }
  if (response.ok) return (await response.json()) as T;
  const body = (await response.json().catch(() => null)) as ApiErrorBody | null;
  throw new ApiCallError(response.status, body?.error.code ?? null, body?.error.message ?? response.statusText);
}
