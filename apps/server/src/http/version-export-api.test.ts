import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { replaceNoteContent } from '@plume/editor-schema';
import type { AuditEntry } from '@plume/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import type { Room } from '../sync/room.ts';
import { createTestAccount, createTestNote, startTestServer, type TestServer } from '../testing/index.ts';

const run = promisify(execFile);

const servers: TestServer[] = [];
const held: { server: TestServer; room: Room }[] = [];
afterEach(async () => {
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

/** A note whose room stays loaded for the test, with a version frozen from `before` and `after` as its content now. */
async function noteWithVersion(server: TestServer, before: string, after: string) {
  const noteId = await createTestNote(server, 'Point de situation');
  const room = await server.rooms.acquire(noteId);
  held.push({ server, room });
  replaceNoteContent(room.doc, paragraph(before), 'test');
  const version = await server.workspace.versions.freeze(noteId, { kind: 'named', name: 'Envoyée au candidat' });
  replaceNoteContent(room.doc, paragraph(after), 'test');
  return { noteId, version };
}

function get(server: TestServer, path: string, cookie = server.admin.cookie): Promise<Response> {
  return fetch(`${server.url}/api/notes/${path}`, { headers: { cookie } });
}

async function auditOf(server: TestServer, noteId: string): Promise<AuditEntry[]> {
  await server.auth.audit.flush();
  const answer = await fetch(`${server.url}/api/audit?noteId=${noteId}`, { headers: { cookie: server.admin.cookie } });
  return (await answer.json()) as AuditEntry[];
}

describe('GET /api/notes/:noteId/export?version=', () => {
  it('exports the version’s text, not the current one, in Markdown, text and HTML, named by the version', async () => {
    const server = await serve();
    const { noteId, version } = await noteWithVersion(server, 'Texte envoyé au candidat.', 'Texte retravaillé depuis.');

    const markdown = await (await get(server, `${noteId}/export?format=md&version=${version.id}`)).text();
    expect(markdown).toContain('Texte envoyé au candidat.');
    expect(markdown).not.toContain('retravaillé');
    const text = await (await get(server, `${noteId}/export?format=txt&version=${version.id}`)).text();
    expect(text).toBe('Point de situation\n\nTexte envoyé au candidat.\n');
    const html = await (await get(server, `${noteId}/export?format=html&version=${version.id}`)).text();
    expect(html).toContain('Texte envoyé au candidat.');
    expect(html).toContain('Version « Envoyée au candidat »');
    expect(html).not.toContain('retravaillé');

    const current = await (await get(server, `${noteId}/export?format=md`)).text();
    expect(current).toContain('Texte retravaillé depuis.');
  });

  it('exports the version as Word, its footer naming the version', async () => {
    const server = await serve();
    const { noteId, version } = await noteWithVersion(server, 'Texte envoyé au candidat.', 'Texte retravaillé depuis.');
    const answer = await get(server, `${noteId}/export?format=docx&version=${version.id}`);
    expect(answer.status).toBe(200);
    const directory = await mkdtemp(join(tmpdir(), 'plume-version-export-'));
    try {
      await writeFile(join(directory, 'note.docx'), new Uint8Array(await answer.arrayBuffer()));
      const unzip = (part: string) => run('unzip', ['-p', join(directory, 'note.docx'), part]);
      const body = (await unzip('word/document.xml')).stdout;
      expect(body).toContain('Texte envoyé au candidat.');
      expect(body).not.toContain('retravaillé');
      const footers = (await unzip('word/footer*.xml')).stdout;
      expect(footers).toContain('version « Envoyée au candidat »');
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it('records the version id in the audit log', async () => {
    const server = await serve();
    const { noteId, version } = await noteWithVersion(server, 'Avant.', 'Après.');
    expect((await get(server, `${noteId}/export?format=md&version=${version.id}`)).status).toBe(200);
    const exported = (await auditOf(server, noteId)).filter((entry) => entry.action === 'note.exported');
    expect(exported).toEqual([
      expect.objectContaining({
        actor: server.admin.id,
        detail: { format: 'md', version: '« Envoyée au candidat »', versionId: version.id },
      }),
    ]);
  });

  it('refuses a malformed version id with 400 and an unknown one with 404', async () => {
    const server = await serve();
    const { noteId } = await noteWithVersion(server, 'Avant.', 'Après.');
    const malformed = await get(server, `${noteId}/export?format=md&version=..%2F..%2Fsecret`);
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: { code: string } }).error.code).toBe('invalidQuery');
    const unknown = await get(server, `${noteId}/export?format=md&version=${'0'.repeat(21)}`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('versionNotFound');
  });

  it('refuses another note’s version and answers 404 to an account without access', async () => {
    const server = await serve();
    const { noteId, version } = await noteWithVersion(server, 'Avant.', 'Après.');
    const other = await createTestNote(server, 'Autre note');
    expect((await get(server, `${other}/export?format=md&version=${version.id}`)).status).toBe(404);
    const stranger = await createTestAccount(server);
    const refused = await get(server, `${noteId}/export?format=md&version=${version.id}`, stranger.cookie);
    expect(refused.status).toBe(404);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('noteNotFound');
  });
});

describe('GET /api/notes/:noteId/print?version=', () => {
  it('prints the version, dated and named by it, and audits its id', async () => {
    const server = await serve();
    const { noteId, version } = await noteWithVersion(server, 'Texte envoyé au candidat.', 'Texte retravaillé depuis.');
    const answer = await get(server, `${noteId}/print?version=${version.id}`);
    expect(answer.status).toBe(200);
    const html = await answer.text();
    expect(html).toContain('Texte envoyé au candidat.');
    expect(html).not.toContain('retravaillé');
    expect(html).toContain('Version « Envoyée au candidat »');
    const printed = (await auditOf(server, noteId)).filter((entry) => entry.action === 'note.printed');
    expect(printed[0]?.detail).toMatchObject({ versionId: version.id });
    expect((await get(server, `${noteId}/print?version=${'0'.repeat(21)}`)).status).toBe(404);
  });
});
