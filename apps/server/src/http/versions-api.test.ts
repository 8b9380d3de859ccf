import type { AuditEntry, NoteDetail, VersionDetail, VersionSummary } from '@plume/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addTestMember,
  connectTestClient,
  createTestAccount,
  noteText,
  startTestServer,
  type TestAccount,
  type TestApi,
  type TestClient,
  type TestServer,
  testApi,
  typeInNote,
} from '../testing/index.ts';

let server: TestServer;
let editor: TestAccount;
let viewer: TestAccount;
let stranger: TestAccount;
let asOwner: TestApi;
let asEditor: TestApi;
let asViewer: TestApi;
let asStranger: TestApi;
const clients: TestClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
  editor = await createTestAccount(server, { name: 'Étienne Éditeur' });
  viewer = await createTestAccount(server, { name: 'Valérie Lectrice' });
  stranger = await createTestAccount(server, { name: 'Sam Étranger' });
  asOwner = testApi(server.url, server.admin.cookie);
  asEditor = testApi(server.url, editor.cookie);
  asViewer = testApi(server.url, viewer.cookie);
  asStranger = testApi(server.url, stranger.cookie);
});
afterAll(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server.dispose();
});

/** A note owned by the admin, with an editor and a viewer. */
async function sharedNote(title: string): Promise<string> {
  const { id } = (await asOwner.post<NoteDetail>('/notes', { title })).body;
  await addTestMember(server, id, editor.email, 'editor');
  await addTestMember(server, id, viewer.email, 'viewer');
  return id;
}

async function connect(noteId: string, account: TestAccount): Promise<TestClient> {
  const client = connectTestClient(server.wsUrl, noteId, { cookie: account.cookie });
  clients.push(client);
  await client.synced();
  return client;
}

const serverText = (noteId: string) => {
  const room = server.rooms.peek(noteId);
  return room && noteText(room.doc);
};

const versionsOf = async (noteId: string, api = asOwner) =>
  (await api.get<VersionSummary[]>(`/notes/${noteId}/versions`)).body;

async function auditOf(noteId: string): Promise<AuditEntry[]> {
  await server.auth.audit.flush();
  return (await asOwner.get<AuditEntry[]>(`/audit?noteId=${noteId}`)).body;
}

describe('automatic versions', () => {
  it('freezes a version when a burst of editing ends, naming who edited', async () => {
    const id = await sharedNote('Logement');
    const client = await connect(id, editor);
    typeInNote(client.doc, 0, 'Trois cents logements sociaux.');
    await expect.poll(() => serverText(id)).toBe('Trois cents logements sociaux.');
    // Ends the burst as two quiet minutes would (the timing itself is tested with fake timers).
    await server.workspace.versions.endBursts();
    const [version, ...older] = await versionsOf(id);
    expect(older).toEqual([]);
    expect(version).toMatchObject({ kind: 'auto', name: null, authors: [editor.id], wordCount: 4, noteId: id });
    expect(version?.bytes).toBeGreaterThan(0);
    // Nothing changed since: no second version.
    await server.workspace.versions.endBursts();
    expect(await versionsOf(id)).toHaveLength(1);
  });

  it('freezes a version when the last client leaves with edits not yet frozen', async () => {
    const id = await sharedNote('Transports');
    const client = await connect(id, editor);
    typeInNote(client.doc, 0, 'Tramway jusqu’à la gare.');
    await expect.poll(() => serverText(id)).toBe('Tramway jusqu’à la gare.');
    client.destroy();
    await expect.poll(async () => (await versionsOf(id)).map(({ kind }) => kind)).toEqual(['auto']);
  });
});

describe('named and validated versions', () => {
  it('names the current state for editors, trimmed, and records it in the audit log', async () => {
    const id = await sharedNote('Santé');
    const client = await connect(id, editor);
    typeInNote(client.doc, 0, 'Une maison de santé.');
    await expect.poll(() => serverText(id)).toBe('Une maison de santé.');
    const named = await asEditor.post<VersionSummary>(`/notes/${id}/versions`, {
      name: '  Envoyée au candidat le 12 mars  ',
    });
    expect(named).toMatchObject({ status: 201, body: { kind: 'named', name: 'Envoyée au candidat le 12 mars' } });
    const detail = await asViewer.get<VersionDetail>(`/notes/${id}/versions/${named.body.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.content).toMatchObject({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Une maison de santé.' }] }],
    });
    const audit = await auditOf(id);
    expect(audit.find((entry) => entry.action === 'note.versionNamed')).toMatchObject({
      actor: editor.id,
      detail: { versionId: named.body.id, name: 'Envoyée au candidat le 12 mars' },
    });
  });

  it('refuses empty names, names too long and names holding control characters', async () => {
    const id = await sharedNote('Culture');
    for (const name of ['   ', 'x'.repeat(121), 'Envoyée\u0007', 'ligne\nforgée', 42]) {
      const answer = await asOwner.post<{ error: { code: string } }>(`/notes/${id}/versions`, { name });
      expect({ name, status: answer.status, code: answer.body.error.code }).toEqual({
        name,
        status: 400,
        code: 'invalidBody',
      });
    }
    expect(await versionsOf(id)).toEqual([]);
  });

  it('freezes a validated version when the note moves to validated, once', async () => {
    const id = await sharedNote('Écoles');
    const client = await connect(id, editor);
    typeInNote(client.doc, 0, 'Rénover deux écoles.');
    await expect.poll(() => serverText(id)).toBe('Rénover deux écoles.');
    expect((await asEditor.put(`/notes/${id}/status`, { status: 'validated' })).status).toBe(200);
    expect((await asEditor.put(`/notes/${id}/status`, { status: 'validated' })).status).toBe(200);
    const list = await versionsOf(id, asViewer);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ kind: 'validated', name: expect.stringMatching(/^Validée le \d{1,2} \S+ \d{4}$/) });
  });

  it('answers 404 for a version the note does not have', async () => {
    const id = await sharedNote('Sport');
    const answer = await asOwner.get<{ error: { code: string } }>(`/notes/${id}/versions/0000000000000000000000`);
    expect(answer).toMatchObject({ status: 404, body: { error: { code: 'versionNotFound' } } });
  });
});

describe('who may do what with versions', () => {
  it('lets readers list and read versions but not name or restore them, and hides the note from others', async () => {
    const id = await sharedNote('Budget');
    const named = await asOwner.post<VersionSummary>(`/notes/${id}/versions`, { name: 'Base' });
    expect(named.status).toBe(201);
    expect((await asViewer.get(`/notes/${id}/versions`)).status).toBe(200);
    expect((await asViewer.get(`/notes/${id}/versions/${named.body.id}`)).status).toBe(200);
    expect(await asViewer.post(`/notes/${id}/versions`, { name: 'Non' })).toMatchObject({
      status: 403,
      body: { error: { code: 'forbidden' } },
    });
    expect(await asViewer.post(`/notes/${id}/versions/${named.body.id}/restore`)).toMatchObject({
      status: 403,
      body: { error: { code: 'forbidden' } },
    });
    for (const answer of [
      await asStranger.get(`/notes/${id}/versions`),
      await asStranger.get(`/notes/${id}/versions/${named.body.id}`),
      await asStranger.post(`/notes/${id}/versions`, { name: 'Non' }),
      await asStranger.post(`/notes/${id}/versions/${named.body.id}/restore`),
    ]) {
      expect(answer).toMatchObject({ status: 404, body: { error: { code: 'noteNotFound' } } });
    }
    expect((await versionsOf(id)).map(({ id: versionId }) => versionId)).toEqual([named.body.id]);
  });
});

describe('restoring a version', () => {
  it('reaches every client online during the restore, and later edits build on it', async () => {
    const id = await sharedNote('Environnement');
    const alice = await connect(id, editor);
    const bob = await connect(id, server.admin);
    typeInNote(alice.doc, 0, 'Planter mille arbres.');
    await expect.poll(() => noteText(bob.doc)).toBe('Planter mille arbres.');
    const base = (await asEditor.post<VersionSummary>(`/notes/${id}/versions`, { name: 'Base' })).body;
    typeInNote(bob.doc, 0, 'Abandonné : ');
    await expect.poll(() => noteText(alice.doc)).toBe('Abandonné : Planter mille arbres.');

    const restored = await asEditor.post<VersionSummary>(`/notes/${id}/versions/${base.id}/restore`);
    expect(restored).toMatchObject({
      status: 200,
      body: { kind: 'restored', name: 'Restauration de « Base »', authors: [editor.id] },
    });
    await expect
      .poll(() => [noteText(alice.doc), noteText(bob.doc)])
      .toEqual(['Planter mille arbres.', 'Planter mille arbres.']);
    typeInNote(bob.doc, 0, 'Vite : ');
    await expect.poll(() => noteText(alice.doc)).toBe('Vite : Planter mille arbres.');

    // The state before the restore was frozen first, so the restore can itself be undone.
    const kinds = (await versionsOf(id)).map(({ kind }) => kind);
    expect(kinds).toEqual(['restored', 'auto', 'named']);
    const audit = await auditOf(id);
    expect(audit.find((entry) => entry.action === 'note.versionRestored')).toMatchObject({
      actor: editor.id,
      detail: { versionId: base.id, restoredAs: restored.body.id },
    });
  });

  it('reaches a client that was offline, whose own edits merge with it', async () => {
    const id = await sharedNote('Mobilités');
    const alice = await connect(id, editor);
    const carol = await connect(id, server.admin);
    typeInNote(alice.doc, 0, 'Pistes cyclables.');
    await expect.poll(() => noteText(carol.doc)).toBe('Pistes cyclables.');
    const base = (await asEditor.post<VersionSummary>(`/notes/${id}/versions`, { name: 'Base' })).body;
    typeInNote(alice.doc, 0, 'Supprimé : ');
    await expect.poll(() => noteText(carol.doc)).toBe('Supprimé : Pistes cyclables.');

    carol.provider.disconnect();
    typeInNote(carol.doc, 'Supprimé : '.length, 'Hors ligne ');
    expect((await asEditor.post(`/notes/${id}/versions/${base.id}/restore`)).status).toBe(200);
    await expect.poll(() => noteText(alice.doc)).toBe('Pistes cyclables.');
    typeInNote(alice.doc, noteText(alice.doc).length, ' Après la restauration.');

    carol.provider.connect();
    // Carol's offline words went into a passage the restore kept, so they merge into it; the
    // passage the restore removed stays removed, and what Alice typed after the restore stays.
    const merged = 'Hors ligne Pistes cyclables. Après la restauration.';
    await expect
      .poll(() => [noteText(alice.doc), noteText(carol.doc), serverText(id)])
      .toEqual([merged, merged, merged]);
    typeInNote(carol.doc, 0, 'Enfin : ');
    await expect.poll(() => noteText(alice.doc)).toBe(`Enfin : ${merged}`);
  });

  it('refuses a version the note does not have', async () => {
    const id = await sharedNote('Eau');
    const answer = await asOwner.post(`/notes/${id}/versions/0000000000000000000000/restore`);
    expect(answer).toMatchObject({ status: 404, body: { error: { code: 'versionNotFound' } } });
  });
});

describe('deleting a note for good', () => {
  it('removes its versions', async () => {
    const id = await sharedNote('Éphémère');
    expect((await asOwner.post(`/notes/${id}/versions`, { name: 'Avant' })).status).toBe(201);
    expect((await asOwner.delete(`/notes/${id}`)).status).toBe(204);
    expect((await asOwner.delete(`/trash/${id}`)).status).toBe(204);
    expect(await server.workspace.versions.list(id)).toEqual([]);
  });
});
