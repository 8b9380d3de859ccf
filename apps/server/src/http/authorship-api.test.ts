import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOCUMENT_FIELD } from '@plume/editor-schema';
import { CLOSE_CODE, type NoteAuthorsResponse, type VersionComparison, type VersionSummary } from '@plume/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addTestMember,
  connectTestClient,
  createTestAccount,
  createTestNote,
  createTestShareLink,
  noteText,
  openRawCollabSocket,
  startTestServer,
  syncUpdateFrame,
  type TestAccount,
  type TestClient,
  type TestServer,
  testApi,
  typeInNote,
} from '../testing/index.ts';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

type Scene = { server: TestServer; noteId: string; alice: TestAccount; bob: TestAccount };

async function scene(dataDir?: string): Promise<Scene> {
  const server = await startTestServer(dataDir ? { dataDir } : {});
  cleanups.push(() => server.dispose());
  const alice = await createTestAccount(server, { email: 'alice@plume.test', name: 'Alice Économie' });
  const bob = await createTestAccount(server, { email: 'bob@plume.test', name: 'Bob Écologie' });
  const noteId = await createTestNote(server, 'Budget');
  await addTestMember(server, noteId, alice.email, 'editor');
  await addTestMember(server, noteId, bob.email, 'editor');
  return { server, noteId, alice, bob };
}

async function connect({ server, noteId }: Scene, account: TestAccount): Promise<TestClient> {
  const client = connectTestClient(server.wsUrl, noteId, { cookie: account.cookie });
  cleanups.push(() => client.destroy());
  await client.synced();
  return client;
}

async function settled({ server, noteId }: Scene, text: string): Promise<void> {
  await expect
    .poll(() => {
      const room = server.rooms.peek(noteId);
      return room && noteText(room.doc);
    })
    .toBe(text);
}

/** Deletes `length` characters at `index` of the first paragraph. */
function deleteInNote(doc: Y.Doc, index: number, length: number): void {
  const paragraph = doc.getXmlFragment(DOCUMENT_FIELD).get(0) as Y.XmlElement;
  (paragraph.get(0) as Y.XmlText).delete(index, length);
}

type Mark = { type: string; attrs?: { author?: string | null } };
type TextNode = { text: string; marks?: Mark[] };
function changesOf(comparison: VersionComparison): { text: string; type: string; author: string | null }[] {
  const paragraphs = (comparison.content as { content: { content?: TextNode[] }[] }).content;
  return paragraphs.flatMap((paragraph) =>
    (paragraph.content ?? []).flatMap(({ text, marks = [] }) =>
      marks
        .filter((mark) => mark.type === 'inserted' || mark.type === 'deleted')
        .map((mark) => ({ text, type: mark.type, author: mark.attrs?.author ?? null })),
    ),
  );
}

describe('who wrote what', () => {
  it('compares a version with the note now, crediting each insertion and deletion to its author', async () => {
    const set = await scene();
    const { server, noteId, alice, bob } = set;
    const asAlice = testApi(server.url, alice.cookie);
    const aliceClient = await connect(set, alice);
    typeInNote(aliceClient.doc, 0, 'Le déficit sera réduit de moitié.');
    await settled(set, 'Le déficit sera réduit de moitié.');
    const named = (await asAlice.post<VersionSummary>(`/notes/${noteId}/versions`, { name: 'Envoyée au candidat' }))
      .body;

    const bobClient = await connect(set, bob);
    typeInNote(bobClient.doc, 'Le déficit sera réduit'.length, ' en cinq ans');
    await settled(set, 'Le déficit sera réduit en cinq ans de moitié.');
    deleteInNote(aliceClient.doc, 'Le déficit sera réduit en cinq ans'.length, ' de moitié'.length);
    await settled(set, 'Le déficit sera réduit en cinq ans.');

    const { status, body } = await asAlice.get<VersionComparison>(
      `/notes/${noteId}/versions/compare?from=${named.id}&to=current`,
    );
    expect(status).toBe(200);
    expect(body.from.id).toBe(named.id);
    expect(body.to).toBeNull();
    expect(changesOf(body)).toEqual([
      { text: ' en cinq ans', type: 'inserted', author: bob.id },
      { text: ' de moitié', type: 'deleted', author: alice.id },
    ]);
    expect(body.tallies).toEqual([
      { author: bob.id, inserted: 12, deleted: 0 },
      { author: alice.id, inserted: 0, deleted: 10 },
    ]);
    expect(body.authors.map(({ id, name }) => ({ id, name }))).toEqual([
      { id: bob.id, name: 'Bob Écologie' },
      { id: alice.id, name: 'Alice Économie' },
    ]);

    // Two versions compare the same way whichever comes first in the query.
    await server.workspace.versions.endBursts();
    const [newest] = (await asAlice.get<VersionSummary[]>(`/notes/${noteId}/versions`)).body;
    const reversed = (
      await asAlice.get<VersionComparison>(`/notes/${noteId}/versions/compare?from=${newest?.id}&to=${named.id}`)
    ).body;
    expect(reversed.from.id).toBe(named.id);
    expect(changesOf(reversed)).toEqual(changesOf(body));
  });

  it('lists the authors and their client ids for readers, and to nobody else', async () => {
    const set = await scene();
    const { server, noteId, alice, bob } = set;
    const aliceClient = await connect(set, alice);
    typeInNote(aliceClient.doc, 0, 'Alice.');
    await settled(set, 'Alice.');
    const bobClient = await connect(set, bob);
    typeInNote(bobClient.doc, 0, 'Bob. ');
    await settled(set, 'Bob. Alice.');
    const reader = await createTestAccount(server, { name: 'Rita Lectrice' });
    await addTestMember(server, noteId, reader.email, 'viewer');
    const { body } = await testApi(server.url, reader.cookie).get<NoteAuthorsResponse>(`/notes/${noteId}/authors`);
    expect(body.authors).toEqual(
      expect.arrayContaining([
        { id: alice.id, name: 'Alice Économie', clientIds: [aliceClient.doc.clientID] },
        { id: bob.id, name: 'Bob Écologie', clientIds: [bobClient.doc.clientID] },
      ]),
    );
    expect(body.authors).toHaveLength(2);
    const stranger = await createTestAccount(server, { name: 'Sam Étranger' });
    expect((await testApi(server.url, stranger.cookie).get(`/notes/${noteId}/authors`)).status).toBe(404);
    expect(
      (await testApi(server.url, stranger.cookie).get(`/notes/${noteId}/versions/compare?from=x&to=current`)).status,
    ).toBe(404);
  });

  it('credits a share-link guest under an id that does not give away their session', async () => {
    const set = await scene();
    const { server, noteId, alice } = set;
    const { cookie } = await createTestShareLink(server, noteId, 'editor');
    const guest = connectTestClient(server.wsUrl, noteId, { cookie });
    cleanups.push(() => guest.destroy());
    await guest.synced();
    typeInNote(guest.doc, 0, 'Proposition d’un invité.');
    await settled(set, 'Proposition d’un invité.');
    const { body } = await testApi(server.url, alice.cookie).get<NoteAuthorsResponse>(`/notes/${noteId}/authors`);
    const [author] = body.authors;
    expect(body.authors).toHaveLength(1);
    expect(author?.id).toMatch(/^guest:[0-9a-f]{16}$/);
    expect(author?.name).toBeNull();
    const sessions = server.auth.store.sessions.filter(() => true).map((session) => session.id);
    expect(sessions.some((id) => author?.id.includes(id))).toBe(false);
  });

  it('refuses a comparison with a version the note does not have', async () => {
    const set = await scene();
    const api = testApi(set.server.url, set.alice.cookie);
    for (const query of ['from=0000000000000000&to=current', 'from=nope&to=current', 'to=current', '']) {
      const { status } = await api.get(`/notes/${set.noteId}/versions/compare?${query}`);
      expect(status, query).toBe(404);
    }
  });

  it('refuses edits written under a client id another person wrote under', async () => {
    const set = await scene();
    const { server, noteId, alice, bob } = set;
    const aliceClient = await connect(set, alice);
    typeInNote(aliceClient.doc, 0, 'Texte d’Alice.');
    await settled(set, 'Texte d’Alice.');
    const aliceId = aliceClient.doc.clientID;
    aliceClient.destroy();
    await expect.poll(() => server.rooms.size).toBe(0);

    // Bob's page writes more under Alice's id, so that his words would read as hers.
    const forger = new Y.Doc();
    const bobClient = await connect(set, bob);
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(bobClient.doc));
    forger.clientID = aliceId;
    const before = Y.encodeStateVector(forger);
    typeInNote(forger, 0, 'Alice retire sa proposition. ');
    const raw = openRawCollabSocket(server.wsUrl, noteId, { cookie: bob.cookie });
    cleanups.push(() => raw.socket.terminate());
    await raw.opened;
    raw.send(syncUpdateFrame(Y.encodeStateAsUpdate(forger, before)));
    const { code } = await raw.closed;
    expect(code).toBe(CLOSE_CODE.clientIdInUse.code);
    expect(noteText(bobClient.doc)).toBe('Texte d’Alice.');
  });

  it('keeps who wrote what across a restart of the server', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'plume-authorship-restart-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const first = await scene(dataDir);
    const client = await connect(first, first.bob);
    typeInNote(client.doc, 0, 'Écrit avant le redémarrage.');
    await settled(first, 'Écrit avant le redémarrage.');
    const clientId = client.doc.clientID;
    client.destroy();
    await first.server.dispose();

    const server = await startTestServer({ dataDir });
    cleanups.push(() => server.dispose());
    const bob = await createTestAccount(server, { email: 'bob@plume.test' });
    const { body } = await testApi(server.url, bob.cookie).get<NoteAuthorsResponse>(`/notes/${first.noteId}/authors`);
    expect(body.authors).toEqual([{ id: bob.id, name: 'Bob Écologie', clientIds: [clientId] }]);
  });
});
