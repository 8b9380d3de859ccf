import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NoteDetail, SearchResults, WorkspaceEvent } from '@plume/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectTestClient,
  createTestAccount,
  startTestServer,
  type TestAccount,
  type TestApi,
  type TestServer,
  testApi,
  typeInNote,
} from '../testing/index.ts';

let dataDir: string;
let server: TestServer;
let owner: TestAccount;
let outsider: TestAccount;
let asOwner: TestApi;
let asOutsider: TestApi;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'plume-search-'));
  server = await startTestServer({ dataDir });
  owner = await createTestAccount(server, { name: 'Olivia Owner' });
  outsider = await createTestAccount(server, { name: 'Oscar Outsider' });
  asOwner = testApi(server.url, owner.cookie);
  asOutsider = testApi(server.url, outsider.cookie);
});
afterAll(async () => {
  await server.dispose();
  await rm(dataDir, { recursive: true, force: true });
});

const search = async (api: TestApi, query: string) =>
  (await api.get<SearchResults>(`/search?q=${encodeURIComponent(query)}`)).body;

/** Reads a Server-Sent Events stream, collecting its events until `abort`. */
function listen(cookie: string) {
  const events: WorkspaceEvent[] = [];
  const controller = new AbortController();
  const done = (async () => {
    const response = await fetch(`${server.url}/api/events`, { headers: { cookie }, signal: controller.signal });
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
        const data = buffer
          .slice(0, end)
          .split('\n')
          .find((line) => line.startsWith('data: '));
        if (data) events.push(JSON.parse(data.slice(6)) as WorkspaceEvent);
        buffer = buffer.slice(end + 2);
      }
    }
  })().catch((error: unknown) => {
    if (!(error instanceof Error && error.name === 'AbortError')) throw error;
  });
  return {
    events,
    stop() {
      controller.abort();
      return done;
    },
  };
}

describe('search', () => {
  it('finds a word someone typed seconds ago, with the passage marked', async () => {
    const { id } = (await asOwner.post<NoteDetail>('/notes', { title: 'Énergie' })).body;
    const client = connectTestClient(server.wsUrl, id, { cookie: owner.cookie });
    await client.synced();
    typeInNote(client.doc, 0, 'Couvrir les parkings de panneaux photovoltaïques dès 2027.');
    // "Within seconds": the poll gives up after five.
    await expect.poll(async () => (await search(asOwner, 'photovoltaiques')).total, { timeout: 5_000 }).toBe(1);
    const [hit] = (await search(asOwner, 'PHOTOVOLTAÏQUES parking')).hits;
    expect(hit?.note).toMatchObject({ id, title: 'Énergie', role: 'owner' });
    expect(hit?.snippets[0]?.filter((part) => part.match).map((part) => part.text)).toEqual([
      'parkings',
      'photovoltaïques',
    ]);
    client.destroy();
  });

  it('never finds notes the person may not read', async () => {
    await expect.poll(async () => (await search(asOwner, 'photovoltaiques')).total, { timeout: 5_000 }).toBe(1);
    expect(await search(asOutsider, 'photovoltaiques')).toEqual({ query: 'photovoltaiques', hits: [], total: 0 });
    expect((await testApi(server.url).get('/search?q=photovoltaiques')).status).toBe(401);
  });

  it('finds titles at once and says how long the search took', async () => {
    await asOwner.post('/notes', { title: 'Désertification médicale' });
    const answer = await asOwner.get<SearchResults>('/search?q=desertification');
    expect(answer.body.hits[0]?.title).toEqual([
      { text: 'Désertification', match: true },
      { text: ' médicale', match: false },
    ]);
    expect(answer.headers.get('server-timing')).toMatch(/^search;dur=\d+\.\d+$/);
  });

  it('refuses an empty or overlong query, saying why', async () => {
    expect(await asOwner.get('/search?q=%20')).toMatchObject({
      status: 400,
      body: { error: { code: 'invalidQuery', message: '"q": Type something to search for.' } },
    });
    expect((await asOwner.get(`/search?q=${'a'.repeat(201)}`)).status).toBe(400);
  });

  it('rebuilds its index from disk when the server restarts', async () => {
    await server.dispose();
    server = await startTestServer({ dataDir, withAdmin: false });
    asOwner = testApi(server.url, owner.cookie);
    asOutsider = testApi(server.url, outsider.cookie);
    expect((await search(asOwner, 'photovoltaiques')).total).toBe(1);
  });
});

describe('the change feed', () => {
  it('tells each person which of the notes they may read changed, and nothing of the others', async () => {
    const ownerFeed = listen(owner.cookie);
    const outsiderFeed = listen(outsider.cookie);
    const { id } = (await asOwner.post<NoteDetail>('/notes', { title: 'Transports' })).body;
    await expect.poll(() => ownerFeed.events).toContainEqual({ type: 'notes', noteIds: [id] });
    const own = (await asOutsider.post<NoteDetail>('/notes', { title: 'À moi' })).body;
    await expect.poll(() => outsiderFeed.events).toContainEqual({ type: 'notes', noteIds: [own.id] });
    expect(outsiderFeed.events.flatMap((event) => (event.type === 'notes' ? event.noteIds : []))).not.toContain(id);
    await asOwner.post('/themes', { name: 'Transports' });
    await expect.poll(() => outsiderFeed.events).toContainEqual({ type: 'themes' });
    await ownerFeed.stop();
    await outsiderFeed.stop();
  });

  it('ends the stream when the session ends', async () => {
    const temporary = await createTestAccount(server, { name: 'Tina Temporaire' });
    const response = await fetch(`${server.url}/api/events`, { headers: { cookie: temporary.cookie } });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    await testApi(server.url, temporary.cookie).delete('/session');
    await asOwner.post('/themes', { name: 'Jeunesse' });
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      expect(new TextDecoder().decode(chunk.value)).not.toContain('event:');
    }
  });
});
