import { replaceNoteContent } from '@plume/editor-schema';
import type { AuditEntry, PackRequest, PackSourcesResponse } from '@plume/protocol';
import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it } from 'vitest';
import type { Room } from '../sync/room.ts';
import {
  addTestMember,
  connectTestClient,
  createTestAccount,
  createTestNote,
  noteText,
  startTestServer,
  type TestClient,
  type TestServer,
  typeInNote,
} from '../testing/index.ts';

const servers: TestServer[] = [];
const held: { server: TestServer; room: Room }[] = [];
const clients: TestClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const { server, room } of held.splice(0)) server.rooms.release(room);
  await Promise.all(servers.splice(0).map((server) => server.dispose()));
});

async function serve(): Promise<TestServer> {
  const server = await startTestServer();
  servers.push(server);
  return server;
}

const paragraph = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

/** A note whose room stays loaded for the test; `write` replaces its content. */
async function liveNote(server: TestServer, title: string, text: string) {
  const id = await createTestNote(server, title);
  const room = await server.rooms.acquire(id);
  held.push({ server, room });
  const write = (next: string) => replaceNoteContent(room.doc, paragraph(next), 'test');
  write(text);
  return { id, write };
}

function packOf(noteIds: string[], extra: Partial<PackRequest> = {}): PackRequest {
  return {
    noteIds,
    cover: { title: 'Dossier du matin', date: '2026-12-02', recipient: '' },
    paper: 'A4',
    doubleSided: false,
    largeType: false,
    ...extra,
  };
}

async function packHtml(server: TestServer, body: PackRequest, cookie = server.admin.cookie) {
  const response = await fetch(`${server.url}/api/packs/html`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
}

async function sources(server: TestServer, noteIds: string[], cookie = server.admin.cookie) {
  const response = await fetch(`${server.url}/api/packs/sources?noteIds=${noteIds.join(',')}`, {
    headers: { cookie },
  });
  return { status: response.status, body: (await response.json()) as PackSourcesResponse };
}

const textOf = (html: string) => parseHTML(html).document.body.textContent ?? '';

describe('what a briefing pack prints of each note', () => {
  it('prints a note’s newest validated version by default, and the current state of a note never validated', async () => {
    const server = await serve();
    const validated = await liveNote(server, 'Santé', 'Version validée du programme santé.');
    await server.workspace.versions.freeze(validated.id, { kind: 'validated', name: 'Validée le 1 décembre 2026' });
    validated.write('Brouillon retravaillé depuis la validation.');
    const draft = await liveNote(server, 'Budget', 'Budget en cours de rédaction.');

    const { status, text } = await packHtml(server, packOf([validated.id, draft.id]));

    expect(status).toBe(200);
    const body = textOf(text);
    expect(body).toContain('Version validée du programme santé.');
    expect(body).not.toContain('Brouillon retravaillé');
    expect(body).toContain('Budget en cours de rédaction.');
    expect(body).toContain('Version « Validée le 1 décembre 2026 »');
    const [frozen] = await server.workspace.versions.list(draft.id);
    expect(frozen).toMatchObject({ kind: 'named', name: 'Imprimée dans le dossier du 2 décembre 2026' });
  });

  it('prints the current state of every note with source "current"', async () => {
    const server = await serve();
    const note = await liveNote(server, 'Santé', 'Version validée.');
    await server.workspace.versions.freeze(note.id, { kind: 'validated', name: 'Validée le 1 décembre 2026' });
    note.write('Texte d’aujourd’hui.');

    const { text } = await packHtml(server, packOf([note.id], { source: 'current' }));

    expect(textOf(text)).toContain('Texte d’aujourd’hui.');
    expect(textOf(text)).not.toContain('Version validée.');
  });

  it('freezes no second version when an unchanged note is packed again', async () => {
    const server = await serve();
    const note = await liveNote(server, 'Santé', 'Texte stable.');
    await packHtml(server, packOf([note.id], { source: 'current' }));
    await packHtml(server, packOf([note.id], { source: 'current' }));
    expect(await server.workspace.versions.list(note.id)).toHaveLength(1);
  });

  it('refuses an unknown source and freezes nothing for a pack it refuses', async () => {
    const server = await serve();
    const note = await liveNote(server, 'Santé', 'Texte.');
    expect((await packHtml(server, { ...packOf([note.id]), source: 'draft' as 'current' })).status).toBe(400);
    const stranger = await createTestAccount(server);
    expect((await packHtml(server, packOf([note.id]), stranger.cookie)).status).toBe(404);
    expect(await server.workspace.versions.list(note.id)).toEqual([]);
  });
});

describe('the record of packs', () => {
  it('remembers which version each note had in the last pack, and says it in /api/packs/sources', async () => {
    const server = await serve();
    const note = await liveNote(server, 'Santé', 'Version validée.');
    const validated = await server.workspace.versions.freeze(note.id, {
      kind: 'validated',
      name: 'Validée le 1 décembre 2026',
    });
    const never = await liveNote(server, 'Budget', 'Jamais imprimée.');

    const before = await sources(server, [note.id, never.id]);
    expect(before.body.notes).toEqual([
      { noteId: note.id, validated: expect.objectContaining({ id: validated.id }), lastPack: null },
      { noteId: never.id, validated: null, lastPack: null },
    ]);

    await packHtml(server, packOf([note.id]));

    expect(await server.workspace.packs.lastPackedVersion(note.id)).toMatchObject({
      title: 'Dossier du matin',
      date: '2026-12-02',
      versionId: validated.id,
    });
    const after = await sources(server, [note.id]);
    expect(after.body.notes[0]?.lastPack).toMatchObject({ title: 'Dossier du matin', versionId: validated.id });
    await server.auth.audit.flush();
    const audit = (await (
      await fetch(`${server.url}/api/audit?noteId=${note.id}`, { headers: { cookie: server.admin.cookie } })
    ).json()) as AuditEntry[];
    expect(audit.find((entry) => entry.action === 'note.printed')?.detail).toMatchObject({
      pack: true,
      versionId: validated.id,
      source: 'validated',
      packId: after.body.notes[0]?.lastPack?.packId,
    });
  });

  it('refuses /api/packs/sources for a note out of reach and malformed ids', async () => {
    const server = await serve();
    const note = await liveNote(server, 'Santé', 'Texte.');
    const stranger = await createTestAccount(server);
    expect((await sources(server, [note.id], stranger.cookie)).status).toBe(404);
    expect((await sources(server, ['../etc'])).status).toBe(400);
  });
});

describe('the page "changed since the last pack"', () => {
  it('is left out unless asked for, and says "Nouvelle note" then "Inchangée"', async () => {
    const server = await serve();
    const note = await liveNote(server, '</p><script>alert(1)</script>', 'Texte.');

    const plain = await packHtml(server, packOf([note.id]));
    expect(plain.text).not.toContain('Modifié depuis le dernier dossier');

    const first = await packHtml(server, packOf([note.id], { sinceLastPack: true }));
    const firstPage = parseHTML(first.text).document.querySelector('.changes');
    expect(firstPage?.textContent).toContain('Modifié depuis le dernier dossier');
    expect(firstPage?.textContent).toContain('Inchangée');
    expect(first.text).not.toContain('<script>');

    const other = await liveNote(server, 'Budget', 'Nouveau.');
    const second = await packHtml(server, packOf([note.id, other.id], { sinceLastPack: true }));
    const entries = [...parseHTML(second.text).document.querySelectorAll('.changes-note')].map(
      (entry) => entry.textContent ?? '',
    );
    expect(entries[0]).toContain('Inchangée');
    expect(entries[0]).toContain('Depuis le dossier « Dossier du matin » du 2 décembre 2026');
    expect(entries[1]).toContain('Nouvelle note');
  });
});

describe('the page "changed since the last pack", with a real comparison', () => {
  it('names who inserted and deleted what since the last pack', async () => {
    const server = await serve();
    const note = await liveNote(server, 'Santé', 'Texte initial.');
    const editor = await createTestAccount(server, { name: 'Étienne <Éditeur>' });
    await addTestMember(server, note.id, editor.email, 'editor');
    await packHtml(server, packOf([note.id], { source: 'current' }));

    const client = connectTestClient(server.wsUrl, note.id, { cookie: editor.cookie });
    clients.push(client);
    await client.synced();
    typeInNote(client.doc, 'Texte initial.'.length, ' Ajout d’Étienne.');
    await expect
      .poll(() => {
        const room = server.rooms.peek(note.id);
        return room && noteText(room.doc);
      })
      .toBe('Texte initial. Ajout d’Étienne.');

    const { status, text } = await packHtml(server, packOf([note.id], { source: 'current', sinceLastPack: true }));

    expect(status).toBe(200);
    const page = parseHTML(text).document.querySelector('.changes');
    expect(page?.querySelector('ins')?.textContent).toBe(' Ajout d’Étienne.');
    expect(page?.textContent).toContain('Étienne <Éditeur> : 17 caractères ajoutés, 0 supprimé');
    expect(page?.querySelector('.change-author')?.textContent).toBe('Étienne <Éditeur>');
    expect(text).not.toContain('<Éditeur>');
  });
});
