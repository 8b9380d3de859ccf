import { DOCUMENT_FIELD } from '@plume/editor-schema';
import { CLOSE_CODE, type CloseCodeName, MESSAGE_TYPE } from '@plume/protocol';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  awarenessFrame,
  connectTestClient,
  createTestNote,
  createTestShareLink,
  noteText,
  openRawCollabSocket,
  type RawCollabSocket,
  startTestServer,
  syncUpdateFrame,
  type TestClient,
  type TestServer,
  type TestServerOptions,
  typeInNote,
} from '../testing/index.ts';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function connect(server: TestServer, noteId: string, cookie = server.admin.cookie): TestClient {
  const client = connectTestClient(server.wsUrl, noteId, { cookie });
  cleanups.push(() => client.destroy());
  return client;
}

async function openRaw(server: TestServer, noteId: string, cookie: string): Promise<RawCollabSocket> {
  const raw = openRawCollabSocket(server.wsUrl, noteId, { cookie });
  cleanups.push(() => raw.socket.terminate());
  await raw.opened;
  return raw;
}

/**
 * A note with honest content and an honest client on it, and a check that a hostile message
 * changed nothing: not the client's copy, not the server's, not what a newcomer receives, and
 * not what the store holds once the note is unloaded and loaded again.
 */
async function sceneWithWitness(options: TestServerOptions = {}) {
  const server = await startTestServer(options);
  cleanups.push(() => server.dispose());
  const noteId = await createTestNote(server);
  // Hostile frames come from someone holding an editor link, the widest door a stranger gets;
  // the witness uses one too, so that the names it chooses are the ones shown.
  const guestCookie = (await createTestShareLink(server, noteId, 'editor')).cookie;
  const witness = connect(server, noteId, guestCookie);
  await witness.synced();
  typeInNote(witness.doc, 0, 'Constat : le chômage baisse.');
  const room = await server.rooms.acquire(noteId);
  await expect.poll(() => noteText(room.doc)).toBe('Constat : le chômage baisse.');
  server.rooms.release(room);
  const text = noteText(witness.doc);
  const stateVector = Y.encodeStateVector(witness.doc);

  return {
    server,
    noteId,
    witness,
    guestCookie,
    async expectRefusal(frame: Uint8Array, name: CloseCodeName): Promise<void> {
      const hostile = await openRaw(server, noteId, guestCookie);
      hostile.send(frame);
      // ws sends its own empty reason with 1009; every other refusal carries Plume's reason.
      const { code, reason } = await hostile.closed;
      expect(code).toBe(CLOSE_CODE[name].code);
      if (name !== 'messageTooLarge') expect(reason).toBe(CLOSE_CODE[name].reason);
      await this.expectUntouched();
    },
    async expectUntouched(): Promise<void> {
      expect(witness.provider.wsconnected).toBe(true);
      expect(noteText(witness.doc)).toBe(text);
      expect(Y.encodeStateVector(witness.doc)).toEqual(stateVector);

      const newcomer = connect(server, noteId);
      await newcomer.synced();
      expect(noteText(newcomer.doc)).toBe(text);
      expect(Y.encodeStateVector(newcomer.doc)).toEqual(stateVector);

      // The witness still edits with everyone: its connection was not disturbed.
      typeInNote(witness.doc, text.length, ' Encore.');
      await expect.poll(() => noteText(newcomer.doc)).toBe(`${text} Encore.`);

      newcomer.destroy();
      witness.destroy();
      // Sockets close asynchronously; the room unloads, writing to the store, after the last.
      await expect.poll(() => server.rooms.size).toBe(0);
      const reloaded = await server.rooms.acquire(noteId);
      expect(noteText(reloaded.doc)).toBe(`${text} Encore.`);
      server.rooms.release(reloaded);
    },
  };
}

/** An update written by a stranger's own Y.Doc: `write` shapes the note's root fragment. */
function updateFrom(write: (fragment: Y.XmlFragment, doc: Y.Doc) => void, clientId?: number): Uint8Array {
  const doc = new Y.Doc();
  if (clientId !== undefined) doc.clientID = clientId;
  write(doc.getXmlFragment(DOCUMENT_FIELD), doc);
  return Y.encodeStateAsUpdate(doc);
}

function paragraph(text: string, attributes?: Record<string, unknown>): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  const run = new Y.XmlText();
  run.insert(0, text, attributes);
  element.insert(0, [run]);
  return element;
}

describe('the sync gate', () => {
  it('refuses changes under a client id that another connection owns', async () => {
    const scene = await sceneWithWitness();
    const forged = updateFrom((fragment) => {
      fragment.insert(0, [paragraph('Le candidat renonce.'.repeat(5))]);
    }, scene.witness.doc.clientID);
    await scene.expectRefusal(syncUpdateFrame(forged), 'clientIdInUse');
  });

  it('refuses a sync step 2 with a clock gap', async () => {
    const scene = await sceneWithWitness();
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    for (const word of ['un', 'deux', 'trois']) typeInNote(doc, 0, word);
    await scene.expectRefusal(syncUpdateFrame(updates[2] as Uint8Array, true), 'clockGap');
  });

  it('answers an update with a clock gap by asking for what it builds on, then takes it whole', async () => {
    const scene = await sceneWithWitness();
    const writer = await openRaw(scene.server, scene.noteId, scene.guestCookie);
    // The greeting: the server's sync step 1, then who is present.
    await expect.poll(() => writer.received.length).toBeGreaterThanOrEqual(1);
    const greeted = writer.received.length;
    // A client back from a trip offline: the witness's text, then three words typed offline, of
    // which only the last reaches the server before the client's sync step 2.
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(scene.witness.doc));
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    for (const word of [' un', ' deux', ' trois']) typeInNote(doc, noteText(doc).length, word);
    writer.send(syncUpdateFrame(updates[2] as Uint8Array));

    await expect.poll(() => writer.received.length).toBe(greeted + 1);
    const decoder = decoding.createDecoder(writer.received[greeted] as Uint8Array);
    expect(decoding.readVarUint(decoder)).toBe(MESSAGE_TYPE.sync);
    expect(decoding.readVarUint(decoder)).toBe(0); // sync step 1
    const serverState = decoding.readVarUint8Array(decoder);
    expect(noteText(scene.witness.doc)).toBe('Constat : le chômage baisse.');

    // The client answers as y-websocket does: everything beyond the server's state vector.
    writer.send(syncUpdateFrame(Y.encodeStateAsUpdate(doc, serverState), true));
    await expect.poll(() => noteText(scene.witness.doc)).toBe('Constat : le chômage baisse. un deux trois');
    expect(writer.socket.readyState).toBe(writer.socket.OPEN);
    writer.socket.close();
  });

  it('refuses an update that names 100,000 fake client ids', async () => {
    const scene = await sceneWithWitness();
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 100_000);
    for (let client = 1; client <= 100_000; client++) {
      encoding.writeVarUint(encoder, 1); // one struct
      encoding.writeVarUint(encoder, client);
      encoding.writeVarUint(encoder, 0); // from clock 0
      encoding.writeUint8(encoder, 0); // a GC struct
      encoding.writeVarUint(encoder, 1); // of length 1
    }
    encoding.writeVarUint(encoder, 0); // empty delete set
    await scene.expectRefusal(syncUpdateFrame(encoding.toUint8Array(encoder)), 'tooManyClientIds');
  });

  it('refuses a mark the editor does not know', async () => {
    const scene = await sceneWithWitness();
    const update = updateFrom((fragment) => fragment.insert(0, [paragraph('commenté', { comment: { id: 1 } })]));
    await scene.expectRefusal(syncUpdateFrame(update), 'invalidDocument');
  });

  it('refuses a node the editor does not know', async () => {
    const scene = await sceneWithWitness();
    const update = updateFrom((fragment) => fragment.insert(0, [new Y.XmlElement('script')]));
    await scene.expectRefusal(syncUpdateFrame(update), 'invalidDocument');
  });

  it('refuses nesting 5,000 levels deep', async () => {
    const scene = await sceneWithWitness();
    const update = updateFrom((fragment, doc) => {
      doc.transact(() => {
        let parent: Y.XmlFragment | Y.XmlElement = fragment;
        for (let depth = 0; depth < 5_000; depth++) {
          const quote: Y.XmlElement = new Y.XmlElement('blockquote');
          parent.insert(0, [quote]);
          parent = quote;
        }
        parent.insert(0, [paragraph('tout au fond')]);
      });
    });
    await scene.expectRefusal(syncUpdateFrame(update), 'invalidDocument');
  });

  it.each([
    'javascript:alert(document.cookie)',
    'JaVaScRiPt:alert(1)',
    ' \tjava\nscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'tel:+33123456789',
    'plume-inconnu:x',
  ])('refuses a link to %j', async (href) => {
    const scene = await sceneWithWitness();
    const update = updateFrom((fragment) => fragment.insert(0, [paragraph('Cliquez ici', { link: { href } })]));
    await scene.expectRefusal(syncUpdateFrame(update), 'invalidDocument');
  });

  it('refuses an attribute the schema does not allow', async () => {
    const scene = await sceneWithWitness();
    const update = updateFrom((fragment) => {
      const heading = new Y.XmlElement('heading');
      heading.setAttribute('level', 9 as unknown as string);
      fragment.insert(0, [heading]);
    });
    await scene.expectRefusal(syncUpdateFrame(update), 'invalidDocument');
  });

  it('refuses content outside the note root', async () => {
    const scene = await sceneWithWitness();
    const update = updateFrom((_fragment, doc) => doc.getMap('ailleurs').set('cle', 'valeur'));
    await scene.expectRefusal(syncUpdateFrame(update), 'invalidDocument');
  });

  it('refuses a truncated update without applying any of it', async () => {
    const scene = await sceneWithWitness();
    const update = updateFrom((fragment, doc) => {
      fragment.insert(0, [paragraph('Début valide')]);
      // A deletion puts a delete set at the end, which Yjs reads after integrating the structs.
      doc.transact(() => fragment.delete(0, 1));
      fragment.insert(0, [paragraph('Suite')]);
    });
    await scene.expectRefusal(syncUpdateFrame(update.subarray(0, update.length - 2)), 'malformedMessage');
  });

  it('refuses an unknown message type', async () => {
    const scene = await sceneWithWitness();
    await scene.expectRefusal(new Uint8Array([99, 1, 2, 3]), 'unknownMessageType');
  });

  it('refuses a frame larger than the configured cap', async () => {
    const scene = await sceneWithWitness({ sync: { maxMessageBytes: 64 * 1024 } });
    const update = updateFrom((fragment) => fragment.insert(0, [paragraph('x'.repeat(100_000))]));
    await scene.expectRefusal(syncUpdateFrame(update), 'messageTooLarge');
  });

  it('accepts a valid update from a raw connection', async () => {
    const scene = await sceneWithWitness();
    const hostile = await openRaw(scene.server, scene.noteId, scene.guestCookie);
    const honest = updateFrom((fragment) => fragment.insert(0, [paragraph('Ajout légitime')]));
    hostile.send(syncUpdateFrame(honest));
    await expect.poll(() => noteText(scene.witness.doc)).toContain('Ajout légitime');
  });
});

describe('presence', () => {
  /** The presence of `clientId` as a third client sees it. */
  async function observedPresence(server: TestServer, noteId: string) {
    const observer = connect(server, noteId);
    await observer.synced();
    return (clientId: number) =>
      observer.provider.awareness.getStates().get(clientId) as { user?: { name: string; color: string } } | undefined;
  }

  it('cannot be set by one connection for another connection’s client id', async () => {
    const scene = await sceneWithWitness();
    scene.witness.provider.awareness.setLocalStateField('user', { name: 'Anne', color: '#1f6feb' });
    const presenceOf = await observedPresence(scene.server, scene.noteId);
    await expect.poll(() => presenceOf(scene.witness.doc.clientID)?.user?.name).toBe('Anne');

    const hostile = await openRaw(scene.server, scene.noteId, scene.guestCookie);
    hostile.send(
      awarenessFrame([{ clientId: 424242, clock: 1, state: { user: { name: 'Intrus', color: '#000000' } } }]),
    );
    hostile.send(
      awarenessFrame([
        { clientId: scene.witness.doc.clientID, clock: 999, state: { user: { name: 'Usurpateur', color: '#ff0000' } } },
      ]),
    );
    // The hostile connection holds one id, its first; the witness's stays the witness's.
    await expect.poll(() => presenceOf(424242)?.user?.name).toBe('Intrus');
    expect(presenceOf(scene.witness.doc.clientID)?.user?.name).toBe('Anne');
    hostile.socket.close();
    await expect.poll(() => presenceOf(424242)).toBeUndefined();
    expect(presenceOf(scene.witness.doc.clientID)?.user?.name).toBe('Anne');
  });

  it('relays names as cleaned text and colours only as #rrggbb', async () => {
    const scene = await sceneWithWitness();
    const presenceOf = await observedPresence(scene.server, scene.noteId);
    const hostile = await openRaw(scene.server, scene.noteId, scene.guestCookie);
    hostile.send(
      awarenessFrame([
        {
          clientId: 515151,
          clock: 1,
          state: { user: { name: '<img src=x onerror=alert(1)>\u202e\n', color: 'red; background: url(//evil)' } },
        },
      ]),
    );
    await expect.poll(() => presenceOf(515151)?.user).toBeDefined();
    expect(presenceOf(515151)?.user?.name).toBe('<img src=x onerror=alert(1)>');
    expect(presenceOf(515151)?.user?.color).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('refuses an oversized presence state', async () => {
    const scene = await sceneWithWitness();
    const frame = awarenessFrame([
      { clientId: 616161, clock: 1, state: { user: { name: 'x' }, padding: 'y'.repeat(10_000) } },
    ]);
    await scene.expectRefusal(frame, 'invalidAwareness');
  });
});
