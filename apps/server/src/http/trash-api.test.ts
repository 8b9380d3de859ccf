import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NoteDetail, NoteView, SearchResults, TrashedNote } from '@plume/protocol';
import { createLeveldbDocumentStore } from '@plume/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  connectTestClient,
  createTestAccount,
  noteText,
  openRawCollabSocket,
  startTestServer,
  syncUpdateFrame,
  type TestAccount,
  type TestApi,
  type TestServer,
  testApi,
  typeInNote,
} from '../testing/index.ts';

let dataDir: string;
let server: TestServer;
let owner: TestAccount;
let editor: TestAccount;
let asOwner: TestApi;
let asEditor: TestApi;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'plume-trash-'));
  server = await startTestServer({ dataDir });
  owner = await createTestAccount(server, { name: 'Olivia Owner' });
  editor = await createTestAccount(server, { name: 'Étienne Éditeur' });
  asOwner = testApi(server.url, owner.cookie);
  asEditor = testApi(server.url, editor.cookie);
});
afterAll(async () => {
  await server.dispose();
  await rm(dataDir, { recursive: true, force: true });
});

/** A note owned by the owner, shared with the editor, holding `text` on the server. */
async function noteWith(title: string, text: string): Promise<string> {
  const { id } = (await asOwner.post<NoteDetail>('/notes', { title })).body;
  await asOwner.put(`/notes/${id}/members`, { email: editor.email, role: 'editor' });
  const client = connectTestClient(server.wsUrl, id, { cookie: owner.cookie });
  await client.synced();
  typeInNote(client.doc, 0, text);
  await expect
    .poll(() => {
      const room = server.rooms.peek(id);
      return room && noteText(room.doc);
    })
    .toBe(text);
  client.destroy();
  return id;
}

const listedIds = async (api: TestApi, path: string) =>
  (await api.get<{ id: string }[]>(path)).body.map((note) => note.id);
const searchTotal = async (query: string) =>
  (await asOwner.get<SearchResults>(`/search?q=${encodeURIComponent(query)}`)).body.total;

describe('the trash', () => {
  it('takes a note out of lists, search and reach, and restores it with its content', async () => {
    const id = await noteWith('Agriculture', 'Circuits courts maraîchers.');
    await expect.poll(() => searchTotal('maraichers'), { timeout: 5_000 }).toBe(1);
    expect((await asOwner.delete(`/notes/${id}`)).status).toBe(204);

    expect(await listedIds(asOwner, '/notes')).not.toContain(id);
    expect(await searchTotal('maraichers')).toBe(0);
    expect((await asEditor.get(`/notes/${id}`)).status).toBe(404);
    const trashed = (await asOwner.get<TrashedNote[]>('/trash')).body.find((note) => note.id === id);
    expect(trashed).toMatchObject({ title: 'Agriculture', deletedBy: { id: owner.id, name: 'Olivia Owner' } });
    const refused = openRawCollabSocket(server.wsUrl, id, { cookie: owner.cookie });
    expect((await refused.closed).code).toBe(4404);

    const restored = await asOwner.post<NoteDetail>(`/trash/${id}/restore`);
    expect(restored).toMatchObject({ status: 200, body: { id, title: 'Agriculture' } });
    expect(await listedIds(asOwner, '/notes')).toContain(id);
    expect(await listedIds(asOwner, '/trash')).not.toContain(id);
    expect(await searchTotal('maraichers')).toBe(1);
    const client = connectTestClient(server.wsUrl, id, { cookie: editor.cookie });
    await client.synced();
    expect(noteText(client.doc)).toBe('Circuits courts maraîchers.');
    client.destroy();
  });

  it('is for owners and admins: an editor may neither trash, see the trash, restore nor delete for good', async () => {
    const id = await noteWith('Forêts', 'Replanter.');
    expect((await asEditor.delete(`/notes/${id}`)).status).toBe(403);
    await asOwner.delete(`/notes/${id}`);
    expect(await listedIds(asEditor, '/trash')).not.toContain(id);
    expect((await asEditor.post(`/trash/${id}/restore`)).status).toBe(403);
    expect((await asEditor.delete(`/trash/${id}`)).status).toBe(403);
    expect(await listedIds(testApi(server.url, server.admin.cookie), '/trash')).toContain(id);
  });

  it('deletes for good only what is already in the trash', async () => {
    const id = await noteWith('Océans', 'Aires marines.');
    expect(await asOwner.delete(`/trash/${id}`)).toMatchObject({
      status: 409,
      body: { error: { code: 'notInTrash' } },
    });
    expect((await asOwner.get(`/notes/${id}`)).status).toBe(200);
  });
});

describe('deleting for good', () => {
  it('never lets a client that kept the note offline bring it back', async () => {
    const id = await noteWith('Nucléaire', 'Avant la suppression.');
    const stale = connectTestClient(server.wsUrl, id, { cookie: editor.cookie });
    await stale.synced();
    // The editor's browser goes offline and keeps writing.
    stale.provider.disconnect();
    typeInNote(stale.doc, 0, 'Écrit hors ligne. ');
    expect((await asOwner.delete(`/notes/${id}`)).status).toBe(204);
    expect((await asOwner.delete(`/trash/${id}`)).status).toBe(204);

    // Back online, the provider is refused for good before any byte of sync.
    const refusal = new Promise<number>((resolve) =>
      stale.provider.on('connection-close', (event) => event && resolve(event.code)),
    );
    stale.provider.connect();
    expect(await refusal).toBe(4404);
    // 4404 is final: y-websocket stops trying instead of pushing its copy at every retry.
    expect(stale.provider.shouldConnect).toBe(false);
    // A hand-made client pushing its whole copy as soon as it opens fares no better.
    const raw = openRawCollabSocket(server.wsUrl, id, { cookie: owner.cookie });
    raw.socket.on('open', () => raw.send(syncUpdateFrame(Y.encodeStateAsUpdate(stale.doc), true)));
    expect((await raw.closed).code).toBe(4404);
    stale.destroy();

    expect((await asOwner.get(`/notes/${id}`)).status).toBe(404);
    expect((await asOwner.post(`/trash/${id}/restore`)).status).toBe(404);
    expect(await listedIds(asOwner, '/notes')).not.toContain(id);
    expect(await listedIds(asOwner, '/trash')).not.toContain(id);
    expect(await searchTotal('suppression')).toBe(0);
    expect(server.auth.store.grants.filter((grant) => grant.noteId === id)).toEqual([]);

    // On disk: no document left, and the id stays refused after a restart.
    await server.dispose();
    const documents = await createLeveldbDocumentStore(join(dataDir, 'documents'));
    expect(await documents.loadDocument(id)).toBeNull();
    await documents.close();
    server = await startTestServer({ dataDir, withAdmin: false });
    const afterRestart = openRawCollabSocket(server.wsUrl, id, { cookie: owner.cookie });
    expect((await afterRestart.closed).code).toBe(4404);
    expect(
      (await testApi(server.url, owner.cookie).get<NoteView[]>('/notes')).body.map((note) => note.id),
    ).not.toContain(id);
  });
});
