import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/index.ts';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.dispose()));
});

async function serve(): Promise<TestServer> {
  const server = await startTestServer();
  servers.push(server);
  return server;
}

function post(server: TestServer, body: string): Promise<Response> {
  return fetch(`${server.url}/api/notes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: server.admin.cookie },
    body,
  });
}

function get(server: TestServer, path: string): Promise<Response> {
  return fetch(`${server.url}${path}`, { headers: { cookie: server.admin.cookie } });
}

describe('the notes API', () => {
  it('creates a note, then lists and returns it', async () => {
    const server = await serve();
    const created = await post(server, JSON.stringify({ title: '  Santé — hôpital  ' }));
    expect(created.status).toBe(201);
    const note = (await created.json()) as { id: string; title: string; createdAt: string };
    expect(note.title).toBe('Santé — hôpital');
    expect(created.headers.get('location')).toBe(`/notes/${note.id}`);

    expect(await (await get(server, `/api/notes/${note.id}`)).json()).toEqual(
      expect.objectContaining({ id: note.id, title: 'Santé — hôpital', updatedAt: note.createdAt }),
    );
    const list = (await (await get(server, '/api/notes')).json()) as Array<{ id: string }>;
    expect(list.map(({ id }) => id)).toEqual([note.id]);
  });

  it.each([
    ['malformed JSON', '{"title":', 'The request body is not valid JSON.'],
    ['a blank title', '{"title":"  "}', '"title": This must not be empty.'],
    ['a missing title', '{}', '"title": This is required.'],
    ['a title that is not text', '{"title":42}', '"title": This must be text.'],
    ['an unknown field', '{"title":"Santé","owner":"me"}', 'Unrecognized key: "owner"'],
  ])('refuses %s with a readable message', async (_, body, message) => {
    const response = await post(await serve(), body);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code: 'invalidBody', message } });
  });

  it('refuses an oversized body', async () => {
    const response = await post(await serve(), JSON.stringify({ title: 'x'.repeat(20_000) }));
    expect(response.status).toBe(413);
  });

  it('tells an invalid note id from an unknown one', async () => {
    const server = await serve();
    const invalid = await get(server, '/api/notes/NOT-AN-ID');
    expect(invalid.status).toBe(400);
    const unknown = await get(server, `/api/notes/${'0'.repeat(20)}`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({
      error: { code: 'noteNotFound', message: 'No note has this id, or you have no access to it.' },
    });
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const response = await fetch(`${(await serve()).url}/api/nothing`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual(
      expect.objectContaining({ error: expect.objectContaining({ code: 'notFound' }) }),
    );
  });
});

describe('the health check', () => {
  it('answers 200 while the data directory is writable and 503 once it is gone', async () => {
    const server = await serve();
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    await rm(server.dataDir, { recursive: true, force: true });
    const failing = await fetch(`${server.url}/healthz`);
    expect(failing.status).toBe(503);
    expect(await failing.json()).toEqual({ status: 'failing', reason: 'the data directory is not writable' });
  });
});
