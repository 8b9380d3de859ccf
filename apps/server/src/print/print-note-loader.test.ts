import { documentUpdateFrom } from '@plume/editor-schema';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RefusalError } from '../refusal-error.ts';
import { createTestNote, startTestServer, type TestServer } from '../testing/index.ts';
import { loadPrintNote } from './print-note-loader.ts';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.dispose()));
});

async function serve(): Promise<TestServer> {
  const server = await startTestServer();
  servers.push(server);
  return server;
}

const CONTENT = {
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Constat partagé.' }] }],
};

describe('loadPrintNote', () => {
  it('reads the title, theme name, status label, version and content of a note', async () => {
    const server = await serve();
    const noteId = await createTestNote(server, 'Point de situation');
    const [theme] = await server.notes.listThemes();
    if (!theme) throw new Error('the workspace starts with no theme');
    await server.notes.updateNote(noteId, { themeId: theme.id, status: 'validated' });
    const room = await server.rooms.acquire(noteId);
    Y.applyUpdate(room.doc, documentUpdateFrom(CONTENT));
    server.rooms.release(room);

    const note = await loadPrintNote(server, noteId, 'fr');

    expect(note).toEqual({
      id: noteId,
      title: 'Point de situation',
      theme: theme.name,
      statusLabel: 'Validée',
      version: expect.stringMatching(/^[0-9a-f]{8}$/),
      date: expect.any(Date),
      content: CONTENT,
    });
    expect((await loadPrintNote(server, noteId, 'en')).statusLabel).toBe('Validated');
  });

  it('gives a new version once the content changes', async () => {
    const server = await serve();
    const noteId = await createTestNote(server, 'Point de situation');
    const before = await loadPrintNote(server, noteId, 'fr');
    const room = await server.rooms.acquire(noteId);
    Y.applyUpdate(room.doc, documentUpdateFrom(CONTENT));
    server.rooms.release(room);

    const after = await loadPrintNote(server, noteId, 'fr');

    expect(after.version).not.toBe(before.version);
    expect(before.theme).toBeNull();
  });

  it('refuses a note that does not exist or is in the trash', async () => {
    const server = await serve();
    const noteId = await createTestNote(server, 'Point de situation');
    await server.notes.updateNote(noteId, { deletedAt: new Date().toISOString() });

    await expect(loadPrintNote(server, noteId, 'fr')).rejects.toThrow(RefusalError);
    await expect(loadPrintNote(server, 'a'.repeat(20), 'fr')).rejects.toMatchObject({ code: 'noteNotFound' });
  });
});
