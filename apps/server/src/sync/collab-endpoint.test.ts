import { CLOSE_CODE } from '@plume/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  connectTestClient,
  createTestNote,
  noteText,
  startTestServer,
  type TestClient,
  type TestServer,
  typeInNote,
} from '../testing/index.ts';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serve(options?: Parameters<typeof startTestServer>[0]): Promise<TestServer> {
  const server = await startTestServer(options);
  cleanups.push(() => server.dispose());
  return server;
}

function connect(server: TestServer, noteId: string): TestClient {
  const client = connectTestClient(server.wsUrl, noteId, { cookie: server.admin.cookie });
  cleanups.push(() => client.destroy());
  return client;
}

/** A server with one new note and two clients synced to it. */
async function twoClientsOnNewNote(): Promise<{ server: TestServer; alice: TestClient; bob: TestClient }> {
  const server = await serve();
  const noteId = await createTestNote(server);
  const alice = connect(server, noteId);
  const bob = connect(server, noteId);
  await Promise.all([alice.synced(), bob.synced()]);
  return { server, alice, bob };
}

/** Opens a raw socket and resolves with how the server closed it. */
function closeOf(url: string, cookie?: string): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers: cookie ? { cookie } : {} });
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
    socket.on('error', reject);
  });
}

describe('the collaboration endpoint', () => {
  it('converges concurrent inserts from two clients', async () => {
    const { alice, bob } = await twoClientsOnNewNote();
    typeInNote(alice.doc, 0, '.');
    await expect.poll(() => noteText(bob.doc)).toBe('.');

    // Both write at the same position before either sees the other's edit.
    for (let i = 0; i < 50; i++) {
      typeInNote(alice.doc, 0, 'a');
      typeInNote(bob.doc, 0, 'b');
    }

    await expect.poll(() => noteText(alice.doc).length).toBe(101);
    await expect.poll(() => noteText(bob.doc)).toBe(noteText(alice.doc));
  });

  it('brings a late joiner up to date', async () => {
    const server = await serve();
    const noteId = await createTestNote(server);
    const first = connect(server, noteId);
    await first.synced();
    typeInNote(first.doc, 0, 'Constat : la dette baisse.');

    const late = connect(server, noteId);
    await expect.poll(() => noteText(late.doc)).toBe('Constat : la dette baisse.');
  });

  it('relays awareness from one client to the other, and removes it when the client leaves', async () => {
    const { alice, bob } = await twoClientsOnNewNote();

    alice.provider.awareness.setLocalStateField('user', { name: 'Alice', color: '#1f77b4' });
    const aliceId = alice.doc.clientID;
    await expect
      .poll(() => bob.provider.awareness.getStates().get(aliceId)?.user)
      .toEqual({
        // A signed-in person appears under their account's name, with the role the server gave.
        name: 'Admin Test',
        color: '#1f77b4',
        role: 'owner',
        verified: true,
      });

    alice.provider.disconnect();
    await expect.poll(() => bob.provider.awareness.getStates().has(aliceId)).toBe(false);
  });

  it('keeps content across a server restart on the same data directory', async () => {
    const first = await startTestServer();
    cleanups.push(async () => {
      await first.dispose();
    });
    const noteId = await createTestNote(first, 'Économie');
    const writer = connectTestClient(first.wsUrl, noteId, { cookie: first.admin.cookie });
    await writer.synced();
    typeInNote(writer.doc, 0, 'Proposition : baisser la TVA sur les produits de première nécessité.');
    await expect.poll(() => first.rooms.size).toBe(1);
    writer.destroy();
    await first.close();

    const second = await serve({ dataDir: first.dataDir });
    const reader = connect(second, noteId);
    await reader.synced();
    expect(noteText(reader.doc)).toBe('Proposition : baisser la TVA sur les produits de première nécessité.');
    expect((await second.notes.getNote(noteId))?.title).toBe('Économie');
  });

  it('writes updates as they arrive, not only when the note is unloaded', async () => {
    const server = await serve();
    const noteId = await createTestNote(server);
    const client = connect(server, noteId);
    await client.synced();
    typeInNote(client.doc, 0, 'déjà sur disque');

    const room = await server.rooms.acquire(noteId);
    try {
      await expect.poll(() => noteText(room.doc)).toBe('déjà sur disque');
      await room.writer.flushed();
      expect(room.writer.pending).toBe(0);
    } finally {
      server.rooms.release(room);
    }
  });

  it('unloads a note once its last connection leaves', async () => {
    const server = await serve();
    const noteId = await createTestNote(server);
    const client = connect(server, noteId);
    await client.synced();
    expect(server.rooms.size).toBe(1);
    client.destroy();
    await expect.poll(() => server.rooms.size).toBe(0);
  });

  it('refuses an invalid note id with a clear close reason', async () => {
    const server = await serve();
    const client = connect(server, 'Not-A-Note-Id');
    const closed = new Promise<{ code: number; reason: string }>((resolve) => {
      client.provider.on('connection-close', (event) => {
        if (event) resolve({ code: event.code, reason: event.reason });
      });
    });
    expect(await closed).toEqual(CLOSE_CODE.invalidNoteId);
    expect(server.rooms.size).toBe(0);
  });

  it('refuses a well-formed id that names no note', async () => {
    const server = await serve();
    expect(await closeOf(`${server.wsUrl}/collab/${'z'.repeat(20)}`, server.admin.cookie)).toEqual(
      CLOSE_CODE.noteNotFound,
    );
  });

  it('closes a connection that sends a truncated message, and keeps serving the others', async () => {
    const server = await serve();
    const noteId = await createTestNote(server);
    const honest = connect(server, noteId);
    await honest.synced();

    const hostile = new WebSocket(`${server.wsUrl}/collab/${noteId}`, { headers: { cookie: server.admin.cookie } });
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      hostile.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    await new Promise((resolve) => hostile.once('open', resolve));
    // A sync message that announces an update of 200 bytes and carries 2.
    hostile.send(new Uint8Array([0, 2, 200, 1, 7]));
    expect(await closed).toEqual(CLOSE_CODE.malformedMessage);

    typeInNote(honest.doc, 0, 'toujours là');
    const witness = connect(server, noteId);
    await expect.poll(() => noteText(witness.doc)).toBe('toujours là');
  });

  it('refuses upgrades outside the collaboration path', async () => {
    const server = await serve();
    const error = await new Promise<Error>((resolve) => {
      const socket = new WebSocket(`${server.wsUrl}/elsewhere`);
      socket.on('error', resolve);
    });
    expect(error.message).toMatch(/404/);
  });
});
