import type { ApiErrorBody } from '@plume/protocol';

/** A failed API call: `status` is 0 when the server could not be reached. */
export class ApiCallError extends Error {
  readonly status: number;
  readonly code: string | null;
  /** Seconds the server asked to wait before trying again (`Retry-After`), or null. */
  readonly retryAfterSeconds: number | null;

  constructor(status: number, code: string | null, message: string, retryAfterSeconds: number | null = null) {
    super(message);
    this.name = 'ApiCallError';
    this.status = status;
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Request options for `method` with a JSON body, serialised here; POST, PUT and PATCH always carry one. */
export function jsonRequest(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', body?: unknown): RequestInit {
  if (body === undefined && method === 'DELETE') return { method };
  // A body-less POST still says it is JSON, so the server's media-type check never trips on it.
  body ??= {};
  return { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

/**
 * Calls the JSON API on this page's origin with its session cookie; resolves with the parsed body
 * (undefined for 204) or rejects with an ApiCallError.
 */
export async function callApi<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    // Same-origin credentials are fetch's default: the HttpOnly session cookie goes along.
    response = await fetch(path, { ...init, headers: { accept: 'application/json', ...init?.headers } });
  } catch (error) {
    throw new ApiCallError(0, null, error instanceof Error ? error.message : String(error));
  }
  if (response.status === 204) return undefined as T;
  if (response.ok) return (await response.json()) as T;
  const body = (await response.json().catch(() => null)) as Partial<ApiErrorBody> | null;
  throw new ApiCallError(
    response.status,
    body?.error?.code ?? null,
    body?.error?.message ?? response.statusText,
    retryAfterOf(response.headers.get('retry-after')),
  );
}

// Retry-After is either seconds or an HTTP date; both become whole seconds from now.
function retryAfterOf(header: string | null): number | null {
  if (header === null) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}
