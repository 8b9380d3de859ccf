import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/index.ts';
import { DOCUMENTED_OPERATIONS } from './openapi-document.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.dispose());

type OpenApi = {
  openapi: string;
  paths: Record<string, Record<string, { requestBody?: unknown; parameters: { name: string }[] }>>;
};

describe('the OpenAPI document', () => {
  it('is served by the app, without a session, and describes every operation once', async () => {
    const response = await fetch(`${server.url}/api/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as OpenApi;
    expect(document.openapi).toBe('3.1.0');
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations.sort()).toEqual([...DOCUMENTED_OPERATIONS].sort());
  });

  it('documents request bodies and query strings from the schemas that validate them', async () => {
    const document = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as OpenApi;
    expect(document.paths['/notes']?.post?.requestBody).toMatchObject({
      content: {
        'application/json': { schema: { properties: { title: { maxLength: 200 }, themeId: {}, templateId: {} } } },
      },
    });
    expect(document.paths['/notes']?.get?.parameters.map((parameter) => parameter.name)).toEqual([
      'theme',
      'status',
      'contributor',
      'sort',
      'order',
    ]);
  });

  it('names only operations the server answers', async () => {
    for (const operation of DOCUMENTED_OPERATIONS) {
      const [method = '', path = ''] = operation.split(' ');
      const url = `${server.url}/api${path.replace(/\{\w+\}/g, 'aaaaaaaaaaaaaaaaaaaa')}`;
      const hasBody = ['POST', 'PUT', 'PATCH'].includes(method);
      // No session: every route answers with its own refusal, never the "nothing here" of unknown paths.
      const response = await fetch(url, {
        method,
        headers: hasBody ? { 'content-type': 'application/json' } : {},
        body: hasBody ? '{}' : undefined,
      });
      const body = response.headers.get('content-type')?.includes('json')
        ? ((await response.json()) as { error?: { code: string } })
        : null;
      expect({ operation, code: body?.error?.code ?? response.status }).not.toEqual({ operation, code: 'notFound' });
    }
  });
});
