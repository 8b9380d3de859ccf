import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { replaceNoteContent } from '@plume/editor-schema';
import { type AuthorshipStore, createLeveldbAuthorshipStore } from '@plume/storage';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeUpdate } from '../sync/update-decoder.ts';
import { compareStates } from './compare-states.ts';
import { loadNoteAuthorship, type NoteAuthorship } from './note-authorship.ts';

const paragraphs = (...texts: string[]) => ({
  type: 'doc',
  content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

let directory: string;
let store: AuthorshipStore;
let authorship: NoteAuthorship;
// The server's document, and one page per person, each with its own Yjs client id.
let server: Y.Doc;

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'plume-compare-'));
  store = await createLeveldbAuthorshipStore(directory);
  authorship = await loadNoteAuthorship({ noteId: 'note', store, logger: pino({ level: 'silent' }) });
  server = new Y.Doc();
});
afterEach(async () => {
  await store.close();
  await rm(directory, { recursive: true, force: true });
});

/** `author` edits on a page of their own; the server records and applies the update as it does for a socket. */
function edit(author: string, clientId: number, content: unknown): void {
  const page = new Y.Doc();
  page.clientID = clientId;
  Y.applyUpdate(page, Y.encodeStateAsUpdate(server));
  const before = Y.encodeStateVector(page);
  replaceNoteContent(page, content, 'test');
  const update = Y.encodeStateAsUpdate(page, before);
  authorship.record(author, decodeUpdate(update, { maxClients: 10 }), server);
  Y.applyUpdate(server, update);
  page.destroy();
}

type Run = { text: string; change?: string; author?: string | null };
function runsOf(content: {
  content?: { content?: { text?: string; marks?: { type: string; attrs?: { author?: string | null } }[] }[] }[];
}): Run[][] {
  return (content.content ?? []).map((block) =>
    (block.content ?? []).map(({ text = '', marks = [] }) => {
      const change = marks.find((mark) => mark.type === 'inserted' || mark.type === 'deleted');
      return change ? { text, change: change.type, author: change.attrs?.author ?? null } : { text };
    }),
  );
}

describe('comparing two states of a note', () => {
  it('attributes each insertion and each deletion to the person who made it', () => {
    edit('alice', 1, paragraphs('Le budget est équilibré.'));
    const older = Y.encodeStateAsUpdate(server);
    edit('bob', 2, paragraphs('Le budget est largement équilibré.'));
    // A page opened again writes under a new client id, still for the same person.
    edit('alice', 4, paragraphs('Le budget est largement excédentaire.'));
    edit('carol', 3, paragraphs('Le budget est largement excédentaire.', 'Source : Cour des comptes.'));

    const { content, tallies } = compareStates(older, Y.encodeStateAsUpdate(server), authorship);
    const [first, second] = runsOf(content as never);
    expect(first?.filter((run) => run.change)).toEqual([
      { text: 'largement ', change: 'inserted', author: 'bob' },
      { text: 'équilibré', change: 'deleted', author: 'alice' },
      { text: 'excédentaire', change: 'inserted', author: 'alice' },
    ]);
    expect(first?.map((run) => run.text).join('')).toContain('Le budget est largement ');
    expect(second).toEqual([{ text: 'Source : Cour des comptes.', change: 'inserted', author: 'carol' }]);
    expect(tallies).toEqual(
      expect.arrayContaining([
        { author: 'carol', inserted: 26, deleted: 0 },
        { author: 'bob', inserted: 10, deleted: 0 },
        { author: 'alice', inserted: 12, deleted: 9 },
      ]),
    );
  });

  it('shows a deleted paragraph in place, struck through and credited to who deleted it', () => {
    edit('alice', 1, paragraphs('Premier point.', 'Deuxième point.', 'Troisième point.'));
    const older = Y.encodeStateAsUpdate(server);
    edit('bob', 2, paragraphs('Premier point.', 'Troisième point.'));
    const { content, tallies } = compareStates(older, Y.encodeStateAsUpdate(server), authorship);
    expect(runsOf(content as never)).toEqual([
      [{ text: 'Premier point.' }],
      [{ text: 'Deuxième point.', change: 'deleted', author: 'bob' }],
      [{ text: 'Troisième point.' }],
    ]);
    expect(tallies).toEqual([{ author: 'bob', inserted: 0, deleted: 15 }]);
  });

  it('reports nothing changed between a state and itself', () => {
    edit('alice', 1, paragraphs('Inchangé.'));
    const state = Y.encodeStateAsUpdate(server);
    const { content, tallies } = compareStates(state, state, authorship);
    expect(runsOf(content as never)).toEqual([[{ text: 'Inchangé.' }]]);
    expect(tallies).toEqual([]);
  });

  it('credits nobody with text written before authorship was recorded', () => {
    const before = new Y.Doc();
    before.clientID = 9;
    replaceNoteContent(before, paragraphs('Ancien texte.'), 'test');
    Y.applyUpdate(server, Y.encodeStateAsUpdate(before));
    const { tallies } = compareStates(new Uint8Array([0, 0]), Y.encodeStateAsUpdate(server), authorship);
    expect(tallies).toEqual([{ author: null, inserted: 13, deleted: 0 }]);
  });
});
