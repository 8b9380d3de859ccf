import { documentUpdateFrom } from '@plume/editor-schema';
import type { AuditEntry } from '@plume/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addTestMember,
  createTestAccount,
  createTestNote,
  startTestServer,
  type TestServer,
} from '../testing/index.ts';

const HOSTILE_TITLE = '</style><script>alert(1)</script>';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.dispose()));
});

async function serve(): Promise<TestServer> {
  const server = await startTestServer();
  servers.push(server);
  return server;
}

async function writeContent(server: TestServer, noteId: string, content: unknown): Promise<void> {
  const room = await server.rooms.acquire(noteId);
  try {
    Y.applyUpdate(room.doc, documentUpdateFrom(content));
  } finally {
    server.rooms.release(room);
  }
}

function print(server: TestServer, noteId: string, cookie: string | null, query = ''): Promise<Response> {
  return fetch(`${server.url}/api/notes/${noteId}/print${query}`, { headers: cookie ? { cookie } : {} });
}

describe('GET /api/notes/:noteId/print', () => {
  it('answers the note as a print document that runs nothing and fetches nothing', async () => {
    const server = await serve();
    const noteId = await createTestNote(server, HOSTILE_TITLE);
    await writeContent(server, noteId, {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Corps de la note' }] }],
    });

    const response = await print(server, noteId, server.admin.cookie);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'",
    );
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    expect(html).toContain('<h1>&lt;/style&gt;&lt;script&gt;alert(1)&lt;/script&gt;</h1>');
    expect(html).not.toContain('<script');
    expect(html).toContain('<p>Corps de la note</p>');
    expect(html).toContain('Confidentiel — ne pas diffuser');
    expect(html).toContain('size: A4;');
  });

  it('prints on Letter paper, in large type and in English when asked', async () => {
    const server = await serve();
    const noteId = await createTestNote(server, 'Point de situation');

    const html = await (await print(server, noteId, server.admin.cookie, '?paper=Letter&largeType=1&lang=en')).text();

    expect(html).toContain('size: letter;');
    expect(html).toContain('font-size: 15.5pt;');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Draft');
  });

  it('records the print in the audit log with the version printed', async () => {
    const server = await serve();
    const noteId = await createTestNote(server, 'Point de situation');

    expect((await print(server, noteId, server.admin.cookie)).status).toBe(200);

    await server.auth.audit.flush();
    const entries = (await (
      await fetch(`${server.url}/api/audit?noteId=${noteId}`, { headers: { cookie: server.admin.cookie } })
    ).json()) as AuditEntry[];
    expect(entries).toContainEqual(
      expect.objectContaining({
        action: 'note.printed',
        actor: server.admin.id,
        noteId,
        detail: { paper: 'A4', largeType: false, version: expect.stringMatching(/^[0-9a-f]{8}$/) },
      }),
    );
  });

  it('lets a viewer print and answers 404 to an account without access, as for reading', async () => {
    const server = await serve();
    const noteId = await createTestNote(server, 'Point de situation');
    const viewer = await createTestAccount(server, { email: 'lecteur@plume.test' });
    const stranger = await createTestAccount(server, { email: 'autre@plume.test' });
    await addTestMember(server, noteId, viewer.email, 'viewer');

    expect((await print(server, noteId, viewer.cookie)).status).toBe(200);
    const refused = await print(server, noteId, stranger.cookie);
    expect(refused.status).toBe(404);
    expect(await refused.json()).toEqual({ error: expect.objectContaining({ code: 'noteNotFound' }) });
    // The app's print frame shows the refusal, so it may frame it too.
    expect(refused.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(refused.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    expect((await print(server, noteId, null)).status).toBe(401);
  });

  it('answers 404 for a note in the trash', async () => {
    const server = await serve();
    const noteId = await createTestNote(server, 'Point de situation');
    await fetch(`${server.url}/api/notes/${noteId}`, { method: 'DELETE', headers: { cookie: server.admin.cookie } });

    expect((await print(server, noteId, server.admin.cookie)).status).toBe(404);
  });

  it.each([['?paper=A5'], ['?largeType=yes'], ['?lang=de'], ['?script=1']])('refuses the query %s', async (query) => {
    const server = await serve();
    const noteId = await createTestNote(server, 'Point de situation');

    const response = await print(server, noteId, server.admin.cookie, query);

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: expect.objectContaining({ code: 'invalidQuery' }) });
  });
});
