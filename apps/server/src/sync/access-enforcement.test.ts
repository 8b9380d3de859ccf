import { CLOSE_CODE } from '@plume/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import {
  awarenessFrame,
  connectTestClient,
  createTestAccount,
  createTestNote,
  createTestShareLink,
  noteText,
  openRawCollabSocket,
  startTestServer,
  syncUpdateFrame,
  type TestClient,
  type TestServer,
  typeInNote,
} from '../testing/index.ts';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serve(): Promise<TestServer> {
  const server = await startTestServer();
  cleanups.push(() => server.dispose());
  return server;
}

function connect(server: TestServer, noteId: string, cookie: string): TestClient {
  const client = connectTestClient(server.wsUrl, noteId, { cookie });
  cleanups.push(() => client.destroy());
  return client;
}

function closeCodeOf(client: TestClient): Promise<number> {
  return new Promise((resolve) => client.provider.on('connection-close', (event) => event && resolve(event.code)));
}

function api(server: TestServer, method: string, path: string, cookie: string, body?: unknown): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function droppedCount(server: TestServer): Promise<number> {
  return (await server.metrics.readOnlyUpdatesDropped.get()).values[0]?.value ?? 0;
}

describe('a reader’s connection', () => {
  it('never changes the document, whatever its client sends', async () => {
    const server = await serve();
    const noteId = await createTestNote(server);
    const witness = connect(server, noteId, server.admin.cookie);
    await witness.synced();
    typeInNote(witness.doc, 0, 'Constat validé.');
    const viewer = await createTestShareLink(server, noteId, 'viewer');
    const raw = openRawCollabSocket(server.wsUrl, noteId, { cookie: viewer.cookie });
    cleanups.push(() => raw.socket.terminate());
    await raw.opened;
    await expect.poll(() => raw.received.length).toBeGreaterThan(0);

    // A forged edit, as an update and as the content of sync step 2.
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(witness.doc));
    typeInNote(forged, 0, 'FAUX ');
    const update = Y.encodeStateAsUpdate(forged, Y.encodeStateVector(witness.doc));
    raw.send(syncUpdateFrame(update));
    raw.send(syncUpdateFrame(update, true));
    await expect.poll(() => droppedCount(server)).toBe(2);

    // Its presence cannot pose as an editor or as someone else.
    raw.send(
      awarenessFrame([
        {
          clientId: 777,
          clock: 1,
          state: { user: { name: 'Admin', color: '#000000', role: 'owner', verified: true } },
        },
      ]),
    );
    await expect
      .poll(() => witness.provider.awareness.getStates().get(777)?.user)
      .toEqual({ name: 'Admin', color: '#000000', role: 'viewer', verified: false });

    expect(raw.socket.readyState).toBe(WebSocket.OPEN);
    expect(noteText(witness.doc)).toBe('Constat validé.');
    const room = await server.rooms.acquire(noteId);
    expect(noteText(room.doc)).toBe('Constat validé.');
    server.rooms.release(room);
    // The store holds no trace either: unloaded and loaded again, the note is as the witness wrote it.
    raw.socket.terminate();
    witness.destroy();
    await expect.poll(() => server.rooms.size).toBe(0);
    const newcomer = connect(server, noteId, server.admin.cookie);
    await newcomer.synced();
    expect(noteText(newcomer.doc)).toBe('Constat validé.');
  });
});

describe('the upgrade', () => {
  it('refuses a valid cookie coming from a foreign Origin, before any byte of the note', async () => {
    const server = await serve();
    const noteId = await createTestNote(server);
    const foreign = new WebSocket(`${server.wsUrl}/collab/${noteId}`, {
      headers: { cookie: server.admin.cookie },
      origin: 'https://evil.example',
    });
    const received: unknown[] = [];
    foreign.on('message', (data) => received.push(data));
    const status = await new Promise<number | undefined>((resolve) =>
      foreign.on('unexpected-response', (_request, response) => resolve(response.statusCode)),
    );
    expect(status).toBe(403);
    expect(received).toEqual([]);

    const own = connectTestClient(server.wsUrl, noteId, { cookie: server.admin.cookie, origin: server.url });
    cleanups.push(() => own.destroy());
    await own.synced();
  });

  it('refuses a connection without a session, and one with a forged cookie', async () => {
    const server = await serve();
    const noteId = await createTestNote(server);
    for (const cookie of ['', 'plume_session=forged-token-0123456789abcdef']) {
      const client = connect(server, noteId, cookie);
      expect(await closeCodeOf(client)).toBe(CLOSE_CODE.unauthenticated.code);
      expect(noteText(client.doc)).toBe('');
    }
  });
});

describe('a change of access', () => {
  it('closes an open connection whose link is revoked, within seconds', async () => {
    const server = await serve();
    const noteId = await createTestNote(server);
    const link = await createTestShareLink(server, noteId, 'editor');
    const guest = connect(server, noteId, link.cookie);
    await guest.synced();
    const closed = closeCodeOf(guest);

    const revokedAt = Date.now();
    expect((await api(server, 'DELETE', `/api/notes/${noteId}/links/${link.linkId}`, server.admin.cookie)).status).toBe(
      204,
    );
    expect(await closed).toBe(CLOSE_CODE.accessRevoked.code);
    expect(Date.now() - revokedAt).toBeLessThan(2_000);
    // Reconnecting does not help, and the link no longer opens a session.
    expect((await api(server, 'GET', `/api/notes/${noteId}`, link.cookie)).status).toBe(404);
    const redeemed = await fetch(`${server.url}/api/share-links/redeem`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: link.token }),
    });
    expect(redeemed.status).toBe(410);
  });

  it('closes the connections of a disabled account', async () => {
    const server = await serve();
    const noteId = await createTestNote(server);
    const colleague = await createTestAccount(server, { name: 'Camille' });
    await api(server, 'PUT', `/api/notes/${noteId}/members`, server.admin.cookie, {
      email: colleague.email,
      role: 'editor',
    });
    const client = connect(server, noteId, colleague.cookie);
    await client.synced();
    const closed = closeCodeOf(client);
    expect(
      (await api(server, 'PATCH', `/api/users/${colleague.id}`, server.admin.cookie, { disabled: true })).status,
    ).toBe(200);
    expect(await closed).toBe(CLOSE_CODE.accessRevoked.code);
    expect((await api(server, 'GET', '/api/notes', colleague.cookie)).status).toBe(401);
  });

  it('makes a downgraded editor reconnect as a reader', async () => {
    const server = await serve();
    const noteId = await createTestNote(server);
    const colleague = await createTestAccount(server, { name: 'Camille' });
    const share = (role: string) =>
      api(server, 'PUT', `/api/notes/${noteId}/members`, server.admin.cookie, { email: colleague.email, role });
    await share('editor');
    const client = connect(server, noteId, colleague.cookie);
    await client.synced();
    typeInNote(client.doc, 0, 'avant');
    const witness = connect(server, noteId, server.admin.cookie);
    await expect.poll(() => noteText(witness.doc)).toBe('avant');

    const closed = closeCodeOf(client);
    await share('viewer');
    expect(await closed).toBe(CLOSE_CODE.accessChanged.code);
    // y-websocket reconnects by itself; from now on its edits go nowhere.
    await expect.poll(() => client.provider.wsconnected).toBe(true);
    await client.synced();
    const dropped = await droppedCount(server);
    typeInNote(client.doc, 0, 'après ');
    await expect.poll(() => droppedCount(server)).toBeGreaterThan(dropped);
    expect(noteText(witness.doc)).toBe('avant');
  });
});
