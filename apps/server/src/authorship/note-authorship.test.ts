import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AuthorshipStore, createLeveldbAuthorshipStore } from '@plume/storage';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeUpdate } from '../sync/update-decoder.ts';
import { typeInNote } from '../testing/index.ts';
import { loadNoteAuthorship, type NoteAuthorship } from './note-authorship.ts';

const logger = pino({ level: 'silent' });
let directory: string;
let store: AuthorshipStore;
let server: Y.Doc;

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'plume-note-authorship-'));
  store = await createLeveldbAuthorshipStore(directory);
  server = new Y.Doc();
});
afterEach(async () => {
  await store.close();
  await rm(directory, { recursive: true, force: true });
});

const open = () => loadNoteAuthorship({ noteId: 'note', store, logger });

/** A page of `clientId` changes the note; the server records, then applies, what it sent. */
function fromPage(authorship: NoteAuthorship, author: string, clientId: number, change: (doc: Y.Doc) => void): void {
  const page = new Y.Doc();
  page.clientID = clientId;
  Y.applyUpdate(page, Y.encodeStateAsUpdate(server));
  const before = Y.encodeStateVector(page);
  change(page);
  const update = Y.encodeStateAsUpdate(page, before);
  authorship.record(author, decodeUpdate(update, { maxClients: 100 }), server);
  Y.applyUpdate(server, update);
  page.destroy();
}

const firstRun = (doc: Y.Doc) => (doc.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText;

describe("a note's authorship", () => {
  it('credits a client id to the first author who wrote under it, even after a reload', async () => {
    const authorship = await open();
    fromPage(authorship, 'alice', 11, (doc) => typeInNote(doc, 0, 'Bonjour.'));
    // Bob's page resends Alice's structs with its own: only what it adds is his.
    const page = new Y.Doc();
    page.clientID = 12;
    Y.applyUpdate(page, Y.encodeStateAsUpdate(server));
    typeInNote(page, 0, 'Oui. ');
    authorship.record('bob', decodeUpdate(Y.encodeStateAsUpdate(page), { maxClients: 10 }), server);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(page));
    await authorship.flushed();

    const reloaded = await open();
    expect(reloaded.authorOf(11)).toBe('alice');
    expect(reloaded.authorOf(12)).toBe('bob');
    expect([...reloaded.authors()]).toEqual(
      expect.arrayContaining([
        ['alice', [11]],
        ['bob', [12]],
      ]),
    );
  });

  it('credits a deletion to the first person who deleted the text, not to a late repeat', async () => {
    const authorship = await open();
    fromPage(authorship, 'alice', 1, (doc) => typeInNote(doc, 0, 'Un deux trois'));
    const late = new Y.Doc();
    late.clientID = 3;
    Y.applyUpdate(late, Y.encodeStateAsUpdate(server));
    const lateBefore = Y.encodeStateVector(late);
    fromPage(authorship, 'bob', 2, (doc) => firstRun(doc).delete(2, 5));
    // Carol deleted the same words offline; her update arrives afterwards.
    firstRun(late).delete(2, 5);
    authorship.record('carol', decodeUpdate(Y.encodeStateAsUpdate(late, lateBefore), { maxClients: 10 }), server);
    await authorship.flushed();

    const reloaded = await open();
    const deleter = (clock: number) => reloaded.deleterOf(1, clock);
    // Clocks 0 and 1 are the paragraph and its text run; letter i is clock i + 2.
    expect([3, 4, 8, 9].map(deleter)).toEqual([undefined, 'bob', 'bob', undefined]);
  });

  it('takes little room for a note edited for a long time', { timeout: 60_000 }, async () => {
    const authorship = await open();
    // 30 days of 8 sessions, each typing 200 words and deleting a tenth of them. One page plays
    // every session, under a new client id each time.
    const page = new Y.Doc();
    const send = (author: string, change: () => void) => {
      const before = Y.encodeStateVector(page);
      change();
      const update = Y.encodeStateAsUpdate(page, before);
      authorship.record(author, decodeUpdate(update, { maxClients: 10 }), server);
      Y.applyUpdate(server, update);
    };
    for (let session = 0; session < 240; session += 1) {
      page.clientID = 1000 + session;
      send(`person${session % 5}`, () => {
        for (let word = 0; word < 200; word += 1) typeInNote(page, 0, 'mot ');
      });
      send(`person${session % 5}`, () => {
        for (let cut = 0; cut < 20; cut += 1) firstRun(page).delete(cut * 30, 4);
      });
    }
    await authorship.flushed();
    const stored = await store.load('note');
    const bytes =
      [...stored.clients].reduce((sum, [id, author]) => sum + String(id).length + author.length + 10, 0) +
      [...stored.deletions.values()].reduce((sum, ranges) => sum + ranges.length, 0);
    // 240 client ids and 4,800 deleted words took 20 KB when measured: under a kilobyte a day.
    expect(bytes).toBeLessThan(30 * 1024);
  });
});
