import type { NoteDetail, NoteView, TemplateSummary, Theme } from '@plume/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectTestClient,
  createTestAccount,
  createTestShareLink,
  noteText,
  startTestServer,
  type TestAccount,
  type TestApi,
  type TestServer,
  testApi,
  typeInNote,
} from '../testing/index.ts';

let server: TestServer;
let owner: TestAccount;
let editor: TestAccount;
let asOwner: TestApi;
let asEditor: TestApi;
let asAdmin: TestApi;
let themes: Theme[];

beforeAll(async () => {
  server = await startTestServer();
  owner = await createTestAccount(server, { name: 'Olivia Owner' });
  editor = await createTestAccount(server, { name: 'Étienne Éditeur' });
  asOwner = testApi(server.url, owner.cookie);
  asEditor = testApi(server.url, editor.cookie);
  asAdmin = testApi(server.url, server.admin.cookie);
  themes = (await asOwner.get<Theme[]>('/themes')).body;
});
afterAll(() => server.dispose());

const themeNamed = (name: string) => themes.find((theme) => theme.name === name)?.id ?? null;

async function createNote(title: string, fields: { themeId?: string | null; templateId?: string } = {}, api = asOwner) {
  const created = await api.post<NoteDetail>('/notes', { title, ...fields });
  expect(created.status).toBe(201);
  return created.body;
}

/** Waits until the server's copy of a note holds `text`. */
async function serverHasText(noteId: string, text: string) {
  await expect
    .poll(() => {
      const room = server.rooms.peek(noteId);
      return room ? noteText(room.doc) : null;
    })
    .toBe(text);
}

async function shareWith(noteId: string, person: TestAccount, role: 'editor' | 'viewer') {
  expect((await asOwner.put(`/notes/${noteId}/members`, { email: person.email, role })).status).toBe(200);
}

describe('a new workspace', () => {
  it('starts with the usual themes and the "Note thématique" template', async () => {
    expect(themes.map((theme) => theme.name)).toEqual([
      'Écologie',
      'Économie',
      'Éducation',
      'Santé',
      'Sécurité',
      'Social',
    ]);
    const templates = (await asOwner.get<TemplateSummary[]>('/templates')).body;
    expect(templates.map((template) => template.name)).toEqual(['Note thématique']);
  });
});

describe('creating notes', () => {
  it('files a note under a theme, starts it from a template and records who created it', async () => {
    const [template] = (await asOwner.get<TemplateSummary[]>('/templates')).body;
    const note = await createNote('Hôpital public', { themeId: themeNamed('Santé'), templateId: template?.id ?? '' });
    expect(note).toMatchObject({
      themeId: themeNamed('Santé'),
      status: 'draft',
      owner: { id: owner.id, name: 'Olivia Owner' },
      role: 'owner',
      statusHistory: [{ from: null, to: 'draft', by: { id: owner.id, name: 'Olivia Owner' } }],
    });
    const client = connectTestClient(server.wsUrl, note.id, { cookie: owner.cookie });
    await client.synced();
    expect(noteText(client.doc).split(/\n+/).filter(Boolean)).toEqual([
      'Contexte',
      'Constat',
      'Propositions',
      'Chiffrage',
      'Sources',
    ]);
    client.destroy();
  });

  it('refuses an unknown theme or template, and says which', async () => {
    const noTheme = await asOwner.post('/notes', { title: 'A', themeId: 'unknown-theme-id' });
    expect(noTheme).toMatchObject({ status: 404, body: { error: { code: 'themeNotFound' } } });
    const noTemplate = await asOwner.post('/notes', { title: 'A', templateId: 'unknown-template' });
    expect(noTemplate).toMatchObject({ status: 404, body: { error: { code: 'templateNotFound' } } });
  });

  it('is for accounts only: a share-link guest may not create notes', async () => {
    const note = await createNote('Partagée');
    const guest = await createTestShareLink(server, note.id, 'editor', owner.cookie);
    const refused = await testApi(server.url, guest.cookie).post('/notes', { title: 'Intruse' });
    expect(refused).toMatchObject({ status: 401, body: { error: { code: 'unauthenticated' } } });
  });
});

describe('the list', () => {
  it('filters by theme, status and contributor, combined, and sorts', async () => {
    const economy = themeNamed('Économie');
    const a = await createNote('Zéro dette', { themeId: economy });
    const b = await createNote('Assurance chômage', { themeId: economy });
    const c = await createNote('Sans thème ici');
    await asOwner.put(`/notes/${b.id}/status`, { status: 'review' });
    await shareWith(a.id, editor, 'editor');
    const client = connectTestClient(server.wsUrl, a.id, { cookie: editor.cookie });
    await client.synced();
    typeInNote(client.doc, 0, 'Une phrase.');
    await expect
      .poll(async () => (await asOwner.get<NoteView[]>(`/notes?contributor=${editor.id}`)).body.map((note) => note.id))
      .toEqual([a.id]);
    client.destroy();

    const ids = async (query: string) => (await asOwner.get<NoteView[]>(`/notes?${query}`)).body.map((note) => note.id);
    expect(await ids(`theme=${economy}&sort=title`)).toEqual([b.id, a.id]);
    expect(await ids(`theme=${economy}&sort=title&order=desc`)).toEqual([a.id, b.id]);
    expect(await ids(`theme=${economy}&status=review`)).toEqual([b.id]);
    expect(await ids('theme=none')).toContain(c.id);
    expect(await ids('theme=none')).not.toContain(a.id);
    const listed = (await asOwner.get<NoteView[]>(`/notes?contributor=${editor.id}`)).body[0];
    expect(listed?.contributors).toEqual([{ id: editor.id, name: 'Étienne Éditeur' }]);
  });

  it('shows who is in each note right now', async () => {
    const note = await createNote('Présence');
    const present = async () => (await asOwner.get<NoteDetail>(`/notes/${note.id}`)).body.present;
    const client = connectTestClient(server.wsUrl, note.id, { cookie: owner.cookie });
    client.provider.awareness.setLocalStateField('user', { name: 'whoever', color: '#1f6feb' });
    await expect.poll(present).toEqual([{ name: 'Olivia Owner', color: '#1f6feb' }]);
    client.destroy();
    await expect.poll(present).toEqual([]);
  });

  it('counts words and reading time from the content, within seconds of an edit', async () => {
    const note = await createNote('Longue');
    const client = connectTestClient(server.wsUrl, note.id, { cookie: owner.cookie });
    await client.synced();
    typeInNote(client.doc, 0, 'mot '.repeat(450));
    await expect
      .poll(async () => (await asOwner.get<NoteDetail>(`/notes/${note.id}`)).body, { timeout: 5_000 })
      .toMatchObject({ wordCount: 450, readingMinutes: 3 });
    client.destroy();
  });

  it('refuses a filter it does not know, saying why', async () => {
    const answer = await asOwner.get('/notes?sort=mood');
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: { code: 'invalidQuery', message: expect.stringContaining('"sort"') } });
  });
});

describe('the workflow', () => {
  it('moves a note along Brouillon → En relecture → Validée and keeps who moved it and when', async () => {
    const note = await createNote('Retraites');
    await shareWith(note.id, editor, 'editor');
    expect((await asEditor.put<NoteDetail>(`/notes/${note.id}/status`, { status: 'review' })).body.status).toBe(
      'review',
    );
    const validated = await asOwner.put<NoteDetail>(`/notes/${note.id}/status`, { status: 'validated' });
    // Moving it where it already is adds nothing to the history.
    await asOwner.put(`/notes/${note.id}/status`, { status: 'validated' });
    const history = (await asOwner.get<NoteDetail>(`/notes/${note.id}`)).body.statusHistory;
    expect(history.map(({ from, to, by }) => ({ from, to, by: by?.name }))).toEqual([
      { from: null, to: 'draft', by: 'Olivia Owner' },
      { from: 'draft', to: 'review', by: 'Étienne Éditeur' },
      { from: 'review', to: 'validated', by: 'Olivia Owner' },
    ]);
    expect(validated.body.statusHistory.at(-1)?.at).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('lets no viewer move, rename or refile a note, and refuses a status outside the workflow', async () => {
    const note = await createNote('Lecture seule');
    const viewer = testApi(server.url, (await createTestShareLink(server, note.id, 'viewer', owner.cookie)).cookie);
    expect((await viewer.put(`/notes/${note.id}/status`, { status: 'sent' })).status).toBe(403);
    expect((await viewer.patch(`/notes/${note.id}`, { title: 'Pirate' })).status).toBe(403);
    const wrong = await asOwner.put(`/notes/${note.id}/status`, { status: 'published' });
    expect(wrong).toMatchObject({ status: 400, body: { error: { code: 'invalidBody' } } });
    expect((await asOwner.get<NoteDetail>(`/notes/${note.id}`)).body).toMatchObject({
      title: 'Lecture seule',
      status: 'draft',
    });
  });

  it('renames a note and files it under another theme, or none', async () => {
    const note = await createNote('Brouillon', { themeId: themeNamed('Santé') });
    const renamed = await asOwner.patch<NoteDetail>(`/notes/${note.id}`, { title: '  Santé mentale  ', themeId: null });
    expect(renamed.body).toMatchObject({ title: 'Santé mentale', themeId: null });
    expect((await asOwner.patch(`/notes/${note.id}`, {})).status).toBe(400);
  });
});

describe('copies and templates', () => {
  it('duplicates a note as a new draft owned by whoever copied it, with its content and theme', async () => {
    const note = await createNote('Énergie', { themeId: themeNamed('Écologie') });
    await asOwner.put(`/notes/${note.id}/status`, { status: 'validated' });
    await shareWith(note.id, editor, 'viewer');
    const client = connectTestClient(server.wsUrl, note.id, { cookie: owner.cookie });
    await client.synced();
    typeInNote(client.doc, 0, 'Sortir du charbon.');
    await serverHasText(note.id, 'Sortir du charbon.');
    const copy = await asEditor.post<NoteDetail>(`/notes/${note.id}/duplicate`, {});
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({
      title: 'Énergie (copie)',
      themeId: themeNamed('Écologie'),
      status: 'draft',
      owner: { id: editor.id },
      role: 'owner',
    });
    const reader = connectTestClient(server.wsUrl, copy.body.id, { cookie: editor.cookie });
    await reader.synced();
    expect(noteText(reader.doc)).toBe('Sortir du charbon.');
    reader.destroy();
    client.destroy();
  });

  it('lets admins save a note as a template that new notes start from; nobody else', async () => {
    const note = await createNote('Modèle de fiche');
    const client = connectTestClient(server.wsUrl, note.id, { cookie: owner.cookie });
    await client.synced();
    typeInNote(client.doc, 0, 'Résumé en trois lignes');
    await serverHasText(note.id, 'Résumé en trois lignes');
    const body = { name: 'Fiche courte', fromNoteId: note.id };
    expect((await asAdmin.post<TemplateSummary>('/templates', body)).status).toBe(201);
    client.destroy();
    expect(await asOwner.post('/templates', body)).toMatchObject({
      status: 403,
      body: { error: { code: 'adminOnly' } },
    });
    const template = (await asOwner.get<TemplateSummary[]>('/templates')).body.find((t) => t.name === 'Fiche courte');
    const started = await createNote('Nouvelle fiche', { templateId: template?.id ?? '' });
    const reader = connectTestClient(server.wsUrl, started.id, { cookie: owner.cookie });
    await reader.synced();
    expect(noteText(reader.doc)).toBe('Résumé en trois lignes');
    reader.destroy();
    expect((await asOwner.delete(`/templates/${template?.id}`)).status).toBe(403);
    expect((await asAdmin.delete(`/templates/${template?.id}`)).status).toBe(204);
  });
});

describe('themes', () => {
  it('lets any account add and rename themes, keeps names unique, and lets only admins remove one', async () => {
    const added = await asEditor.post<Theme>('/themes', { name: 'Culture' });
    expect(added).toMatchObject({
      status: 201,
      body: { name: 'Culture', color: expect.stringMatching(/^#[0-9a-f]{6}$/) },
    });
    expect(await asOwner.post('/themes', { name: 'culture' })).toMatchObject({
      status: 409,
      body: { error: { code: 'themeNameTaken' } },
    });
    expect((await asOwner.patch<Theme>(`/themes/${added.body.id}`, { name: 'Culture et patrimoine' })).body.name).toBe(
      'Culture et patrimoine',
    );
    const note = await createNote('Musées', { themeId: added.body.id });
    expect((await asOwner.delete(`/themes/${added.body.id}`)).status).toBe(403);
    expect((await asAdmin.delete(`/themes/${added.body.id}`)).status).toBe(204);
    expect((await asOwner.get<NoteDetail>(`/notes/${note.id}`)).body.themeId).toBeNull();
    expect(await asOwner.post('/themes', { name: 'X', color: 'red' })).toMatchObject({ status: 400 });
  });
});
