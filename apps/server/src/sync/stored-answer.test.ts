import { CLOSE_CODE, MESSAGE_TYPE } from '@plume/protocol';
import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  createFaultyDocumentStore,
  createTestNote,
  type FaultyDocumentStore,
  openRawCollabSocket,
  type RawCollabSocket,
  startTestServer,
  syncUpdateFrame,
  type TestServer,
} from '../testing/index.ts';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A server whose document store can be made to fail, with one new note. */
async function serveWithFaultyStore(): Promise<{ server: TestServer; store: FaultyDocumentStore; noteId: string }> {
  let faulty: FaultyDocumentStore | null = null;
  const server = await startTestServer({
    wrapDocumentStore(store) {
      faulty = createFaultyDocumentStore(store);
      return faulty;
    },
  });
  cleanups.push(() => server.dispose());
  const noteId = await createTestNote(server);
  return { server, store: faulty as unknown as FaultyDocumentStore, noteId };
}

async function openSocket(server: TestServer, noteId: string): Promise<RawCollabSocket> {
  const raw = openRawCollabSocket(server.wsUrl, noteId, { cookie: server.admin.cookie });
  cleanups.push(() => raw.socket.terminate());
  await raw.opened;
  return raw;
}

/** An update from a fresh client writing `text`, and that client's id and clock after it. */
function edit(text: string): { update: Uint8Array; clientId: number; clock: number } {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment('default').insert(0, [paragraph]);
  return { update: Y.encodeStateAsUpdate(doc), clientId: doc.clientID, clock: Y.getState(doc.store, doc.clientID) };
}

/** The state vectors the server answered with so far. */
function storedAnswers(raw: RawCollabSocket): Map<number, number>[] {
  return raw.received
    .filter((frame) => frame[0] === MESSAGE_TYPE.stored)
    .map((frame) => {
      const decoder = decoding.createDecoder(frame);
      decoding.readVarUint(decoder);
      return Y.decodeStateVector(decoding.readVarUint8Array(decoder));
    });
}

const STORED_QUESTION = Uint8Array.of(MESSAGE_TYPE.stored);

describe('the stored answer', () => {
  it('covers an edit once it is in the store, and only then', async () => {
    const { server, store, noteId } = await serveWithFaultyStore();
    const raw = await openSocket(server, noteId);
    const { update, clientId, clock } = edit('Gardé par le serveur.');

    store.failing = true;
    raw.send(syncUpdateFrame(update));
    raw.send(STORED_QUESTION);
    // The write was tried and failed: the server holds the edit in memory, not on disk.
    await expect.poll(() => store.refusedWrites).toBeGreaterThanOrEqual(2);
    expect(storedAnswers(raw)).toEqual([]);

    store.failing = false;
    await expect.poll(() => storedAnswers(raw).length).toBe(1);
    expect(storedAnswers(raw)[0]?.get(clientId)).toBe(clock);
    const stored = new Y.Doc();
    Y.applyUpdate(stored, (await store.loadDocument(noteId)) as Uint8Array);
    expect(stored.getXmlFragment('default').toString()).toContain('Gardé par le serveur.');
  });

  it('is sent only to a client that asks, as often as it asks', async () => {
    const { server, noteId } = await serveWithFaultyStore();
    const asker = await openSocket(server, noteId);
    const bystander = await openSocket(server, noteId);
    const first = edit('Un.');
    asker.send(syncUpdateFrame(first.update));
    asker.send(STORED_QUESTION);
    await expect.poll(() => storedAnswers(asker).length).toBe(1);
    asker.send(STORED_QUESTION);
    await expect.poll(() => storedAnswers(asker).length).toBe(2);
    // The bystander received the edit itself, and never a stored answer it would not understand.
    await expect.poll(() => bystander.received.some((frame) => frame[0] === MESSAGE_TYPE.sync)).toBe(true);
    expect(bystander.received.filter((frame) => frame[0] === MESSAGE_TYPE.stored)).toEqual([]);
  });

  it('closes a connection whose question carries anything more', async () => {
    const { server, noteId } = await serveWithFaultyStore();
    const raw = await openSocket(server, noteId);
    raw.send(Uint8Array.of(MESSAGE_TYPE.stored, 1, 2));
    expect((await raw.closed).code).toBe(CLOSE_CODE.malformedMessage.code);
  });
});
