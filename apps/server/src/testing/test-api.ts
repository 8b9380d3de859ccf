/** An answer of the JSON API: its status and its parsed body (null when empty). */
export type TestApiAnswer<T = unknown> = { status: number; body: T; headers: Headers };

/** Calls the JSON API of a test server as one browser session would. */
export type TestApi = {
  get<T = unknown>(path: string): Promise<TestApiAnswer<T>>;
  post<T = unknown>(path: string, body?: unknown): Promise<TestApiAnswer<T>>;
  put<T = unknown>(path: string, body?: unknown): Promise<TestApiAnswer<T>>;
  patch<T = unknown>(path: string, body?: unknown): Promise<TestApiAnswer<T>>;
  delete<T = unknown>(path: string): Promise<TestApiAnswer<T>>;
};

/** A JSON API caller for `/api` on `url`, sending `cookie` (a session) if given. */
export function testApi(url: string, cookie?: string): TestApi {
  async function call<T>(method: string, path: string, body?: unknown): Promise<TestApiAnswer<T>> {
    const headers: Record<string, string> = cookie ? { cookie } : {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${url}/api${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T, headers: response.headers };
  }
  return {
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body),
    put: (path, body) => call('PUT', path, body),
    patch: (path, body) => call('PATCH', path, body),
    delete: (path) => call('DELETE', path),
  };
}
