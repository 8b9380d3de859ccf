import { createDocumentRules, DOCUMENT_FIELD } from '@plume/editor-schema';
import { MESSAGE_TYPE } from '@plume/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  awarenessFrame,
  connectTestClient,
  createTestNote,
  noteText,
  openRawCollabSocket,
  startTestServer,
  syncUpdateFrame,
  type TestClient,
  typeInNote,
} from '../testing/index.ts';
import { RejectedMessageError } from './rejected-message-error.ts';
import { decodeUpdate } from './update-decoder.ts';
import { checkUpdate } from './update-gate.ts';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A small seeded generator, so that a failing run can be replayed. */
function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return { next, below: (n: number) => Math.floor(next() * n) };
}

type Random = ReturnType<typeof createRandom>;

/** A damaged copy of `frame`: truncated, bit-flipped, spliced with noise, or pure noise. */
function mutate(frame: Uint8Array, random: Random): Uint8Array {
  const noise = (length: number) => Uint8Array.from({ length }, () => random.below(256));
  switch (random.below(5)) {
    case 0:
      return frame.slice(0, random.below(frame.length));
    case 1: {
      const copy = frame.slice();
      for (let flips = 1 + random.below(3); flips > 0; flips--) {
        const at = random.below(copy.length);
        copy[at] = (copy[at] as number) ^ (1 << random.below(8));
      }
      return copy;
    }
    case 2: {
      const at = random.below(frame.length);
      return Uint8Array.from([...frame.subarray(0, at), ...noise(1 + random.below(8)), ...frame.subarray(at)]);
    }
    case 3: {
      const copy = frame.slice();
      copy[random.below(copy.length)] = random.below(256);
      return copy;
    }
    default:
      return noise(1 + random.below(64));
  }
}

/** A note written the way the editor writes: headings, marks, links, lists and deletions. */
function writeRichNote(doc: Y.Doc, words: string): void {
  const fragment = doc.getXmlFragment(DOCUMENT_FIELD);
  doc.transact(() => {
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', 2 as unknown as string);
    const title = new Y.XmlText();
    title.insert(0, words);
    heading.insert(0, [title]);
    const paragraph = new Y.XmlElement('paragraph');
    const run = new Y.XmlText();
    run.insert(0, `${words} en gras`, { bold: {} });
    run.insert(0, 'source', { link: { href: 'https://www.insee.fr' } });
    paragraph.insert(0, [run]);
    const list = new Y.XmlElement('bulletList');
    const item = new Y.XmlElement('listItem');
    const itemParagraph = new Y.XmlElement('paragraph');
    const itemText = new Y.XmlText();
    itemText.insert(0, 'point');
    itemParagraph.insert(0, [itemText]);
    item.insert(0, [itemParagraph]);
    list.insert(0, [item]);
    fragment.insert(fragment.length, [heading, paragraph, list]);
  });
  doc.transact(() => {
    const first = fragment.get(0);
    if (first instanceof Y.XmlElement) (first.get(0) as Y.XmlText).delete(0, 2);
  });
}

describe('fuzzing the gate', () => {
  // Pure CPU work: on a busy shared machine it can outlast the default 5 s.
  it('refuses every damaged update cleanly, and whatever it lets through Yjs applies whole', () => {
    const rules = createDocumentRules();
    const base = new Y.Doc();
    writeRichNote(base, 'Fiscalité');
    const baseState = Y.encodeStateAsUpdate(base);
    const author = new Y.Doc();
    Y.applyUpdate(author, baseState);
    writeRichNote(author, 'Écologie');
    const diff = Y.encodeStateAsUpdate(author, Y.encodeStateVector(base));
    const corpus = [diff, Y.encodeStateAsUpdate(author), baseState];

    const random = createRandom(Number(process.env.FUZZ_SEED ?? 20_261_122));
    const vector = Y.encodeStateVector(base);
    let accepted = 0;
    for (let i = 0; i < 20_000; i++) {
      const update = mutate(corpus[random.below(corpus.length)] as Uint8Array, random);
      try {
        checkUpdate(base, decodeUpdate(update, { maxClients: 1_000 }), rules, { isForeignClient: () => false });
      } catch (error) {
        if (!(error instanceof RejectedMessageError)) throw new Error(`iteration ${i}: ${String(error)}`);
        continue;
      }
      accepted++;
      const scratch = new Y.Doc();
      Y.applyUpdate(scratch, baseState);
      Y.applyUpdate(scratch, update);
      expect(scratch.store.pendingStructs, `iteration ${i}`).toBeNull();
      expect(scratch.store.pendingDs, `iteration ${i}`).toBeNull();
    }
    // The gate never touched the document it checked against.
    expect(Y.encodeStateVector(base)).toEqual(vector);
    // Some damage is harmless (a flipped bit in a letter); those pass, so both paths ran.
    expect(accepted).toBeGreaterThan(0);
  }, 30_000);

  it('keeps serving honest clients through thousands of damaged frames from several connections', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.dispose());
    const noteId = await createTestNote(server);
    const clients: TestClient[] = [0, 1].map(() =>
      connectTestClient(server.wsUrl, noteId, { cookie: server.admin.cookie }),
    );
    cleanups.push(() => {
      for (const client of clients) client.destroy();
    });
    const [alice, bob] = clients as [TestClient, TestClient];
    await Promise.all([alice.synced(), bob.synced()]);
    typeInNote(alice.doc, 0, '.');
    await expect.poll(() => noteText(bob.doc)).toBe('.');

    const source = new Y.Doc();
    writeRichNote(source, 'Santé');
    const frames = [
      syncUpdateFrame(Y.encodeStateAsUpdate(source)),
      syncUpdateFrame(Y.encodeStateAsUpdate(source), true),
      awarenessFrame([{ clientId: 77, clock: 1, state: { user: { name: 'Fuzz', color: '#123456' } } }]),
      new Uint8Array([MESSAGE_TYPE.sync, 0, 1, 0]),
      new Uint8Array([MESSAGE_TYPE.queryAwareness]),
    ];

    const random = createRandom(7);
    const gcBefore = process.memoryUsage().heapUsed;
    let sent = 0;
    const attack = async () => {
      while (sent < 3_000) {
        const hostile = openRawCollabSocket(server.wsUrl, noteId, { cookie: server.admin.cookie });
        await hostile.opened;
        let open = true;
        void hostile.closed.then(() => {
          open = false;
        });
        for (let burst = 0; burst < 20 && open && sent < 3_000; burst++, sent++) {
          hostile.send(mutate(frames[random.below(frames.length)] as Uint8Array, random));
          await new Promise((resolve) => setImmediate(resolve));
        }
        hostile.socket.terminate();
      }
    };
    const typing = (async () => {
      for (let i = 0; i < 40; i++) {
        // A character no damaged frame of the French source text is likely to produce.
        typeInNote(i % 2 === 0 ? alice.doc : bob.doc, 0, '♦');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    await Promise.all([attack(), attack(), attack(), attack(), typing]);

    await expect.poll(() => noteText(bob.doc), { timeout: 10_000 }).toBe(noteText(alice.doc));
    expect(noteText(alice.doc).replace(/[^♦]/g, '')).toHaveLength(40);
    expect(alice.provider.wsconnected && bob.provider.wsconnected).toBe(true);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(server.rooms.size).toBe(1);
    // Thousands of refused frames leave nothing behind worth measuring in tens of megabytes.
    expect(process.memoryUsage().heapUsed - gcBefore).toBeLessThan(64 * 1024 * 1024);
  }, 60_000);
});
