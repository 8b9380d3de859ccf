import { MESSAGE_TYPE } from '@plume/protocol';
import { createLeveldbDocumentStore } from '@plume/storage';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  connectTestClient,
  createFaultyDocumentStore,
  createTestNote,
  type FaultyDocumentStore,
  noteText,
  openRawCollabSocket,
  startTestServer,
  type TestClient,
  type TestServer,
  type TestServerOptions,
  typeInNote,
} from '../testing/index.ts';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serve(options: TestServerOptions = {}): Promise<TestServer> {
  const server = await startTestServer(options);
  cleanups.push(() => server.dispose());
  return server;
}

function connect(server: TestServer, noteId: string): TestClient {
  const client = connectTestClient(server.wsUrl, noteId, { cookie: server.admin.cookie });
  cleanups.push(() => client.destroy());
  return client;
}

async function metric(server: TestServer, name: string): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const line = text
    .split('\n')
    .find((candidate) => candidate.startsWith(`${name} `) || candidate.startsWith(`${name}{`));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

describe('connection limits', () => {
  it('throttles a flood from one connection without slowing the others', async () => {
    const server = await serve({ sync: { messagesPerSecond: 100 } });
    const noteId = await createTestNote(server);
    const [alice, bob] = [connect(server, noteId), connect(server, noteId)];
    await Promise.all([alice.synced(), bob.synced()]);

    const flooder = openRawCollabSocket(server.wsUrl, noteId, { cookie: server.admin.cookie });
    cleanups.push(() => flooder.socket.terminate());
    await flooder.opened;
    // Each presence query is answered: answers count what the server let through.
    for (let i = 0; i < 500; i++) flooder.send(new Uint8Array([MESSAGE_TYPE.queryAwareness]));

    typeInNote(alice.doc, 0, 'pendant le flot');
    await expect.poll(() => noteText(bob.doc), { timeout: 500 }).toBe('pendant le flot');
    // A burst of 200, then 100 a second: nowhere near 500 yet.
    expect(flooder.received.length).toBeLessThan(400);
    expect(flooder.socket.readyState).toBe(flooder.socket.OPEN);
    // Nothing is dropped: the rest is answered as the budget refills.
    await expect.poll(() => flooder.received.length, { timeout: 6_000 }).toBeGreaterThanOrEqual(500);
  });

  it('drops a client that does not read what it is sent, and serves the others', async () => {
    const server = await serve({ sync: { maxBufferedBytes: 256 * 1024 } });
    const noteId = await createTestNote(server);
    const writer = connect(server, noteId);
    const reader = connect(server, noteId);
    await Promise.all([writer.synced(), reader.synced()]);

    const sleeper = openRawCollabSocket(server.wsUrl, noteId, { cookie: server.admin.cookie });
    await sleeper.opened;
    // Stop reading: the server's frames pile up in the kernel, then in its own buffer.
    const tcp = (sleeper.socket as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    tcp.pause();

    // Honest clients read each update before the next comes; the sleeper never does.
    const chunk = `${'paragraphe '.repeat(5_000)}\n`;
    for (let i = 0; i < 200 && (await metric(server, 'plume_slow_readers_dropped_total')) === 0; i++) {
      typeInNote(writer.doc, 0, chunk);
      await expect.poll(() => noteText(reader.doc).length).toBe(noteText(writer.doc).length);
    }
    expect(await metric(server, 'plume_slow_readers_dropped_total')).toBe(1);
    tcp.resume();
    expect(await sleeper.closed).toMatchObject({ code: 1006 });
    expect(reader.provider.wsconnected).toBe(true);
  }, 30_000);
});

describe('a failing store', () => {
  it('keeps the note in memory, turns the health check red, and loses nothing once the disk recovers', async () => {
    let faulty: FaultyDocumentStore | null = null;
    const server = await serve({
      wrapDocumentStore(store) {
        faulty = createFaultyDocumentStore(store);
        return faulty;
      },
    });
    const store = faulty as unknown as FaultyDocumentStore;
    const noteId = await createTestNote(server);
    const writer = connect(server, noteId);
    const reader = connect(server, noteId);
    await Promise.all([writer.synced(), reader.synced()]);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    store.failing = true;
    typeInNote(writer.doc, 0, 'Écrit pendant que le disque est plein.');
    await expect.poll(async () => (await fetch(`${server.url}/healthz`)).status).toBe(503);
    // Co-writing goes on in memory meanwhile.
    await expect.poll(() => noteText(reader.doc)).toBe('Écrit pendant que le disque est plein.');
    writer.destroy();
    reader.destroy();
    await expect.poll(() => store.refusedWrites).toBeGreaterThan(1);
    // With nobody left the note would normally unload; it stays until it is written.
    expect(server.rooms.size).toBe(1);
    expect(await metric(server, 'plume_store_errors_total')).toBeGreaterThan(0);

    store.failing = false;
    await expect.poll(() => server.rooms.size, { timeout: 10_000 }).toBe(0);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    await server.close();
    const documents = await createLeveldbDocumentStore(`${server.dataDir}/documents`);
    cleanups.push(() => documents.close());
    const stored = await documents.loadDocument(noteId);
    expect(stored).not.toBeNull();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, stored as Uint8Array);
    expect(noteText(doc)).toBe('Écrit pendant que le disque est plein.');
  });
});
