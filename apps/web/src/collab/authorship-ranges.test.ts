import { createEditorSchema, DOCUMENT_FIELD } from '@plume/editor-schema';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { authorRanges, clientRuns } from './authorship-ranges.ts';

const schema = createEditorSchema();
const isLeaf = (name: string) => schema.nodes[name]?.isLeaf ?? false;
const ALICE = 1;
const BRUNO = 2;

/** A Y.Doc typed by Alice (client 1) holding `content`, and Bruno's copy of it (client 2). */
function twoWriters(content: unknown): { alice: Y.Doc; bruno: Y.Doc } {
  const alice = new Y.Doc();
  alice.clientID = ALICE;
  prosemirrorJSONToYXmlFragment(schema, content, alice.getXmlFragment(DOCUMENT_FIELD));
  const bruno = new Y.Doc();
  bruno.clientID = BRUNO;
  Y.applyUpdate(bruno, Y.encodeStateAsUpdate(alice));
  return { alice, bruno };
}

/** The document the editor shows for `doc`, as y-prosemirror builds it. */
function shown(doc: Y.Doc): ProseMirrorNode {
  return yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(DOCUMENT_FIELD), schema);
}

/** Each run as [the client that typed it, the text it covers in the shown document]. */
function textByClient(doc: Y.Doc): Array<[number, string]> {
  const walked = clientRuns(doc.getXmlFragment(DOCUMENT_FIELD), isLeaf);
  if (walked === null) throw new Error('the walk refused the document');
  const node = shown(doc);
  expect(walked.size).toBe(node.content.size);
  return walked.runs.map((run) => [run.clientId, node.textBetween(run.from, run.to)]);
}

function paragraph(...texts: string[]) {
  return { type: 'paragraph', content: texts.map((text) => ({ type: 'text', text })) };
}

/** The Y.XmlText of a top-level block's first line of text. */
function textOf(doc: Y.Doc, block: number): Y.XmlText {
  const element = doc.getXmlFragment(DOCUMENT_FIELD).get(block);
  if (!(element instanceof Y.XmlElement)) throw new Error(`block ${block} is not an element`);
  const text = element.get(0);
  if (!(text instanceof Y.XmlText)) throw new Error(`block ${block} does not start with text`);
  return text;
}

describe('clientRuns', () => {
  it('places text typed by two people where the editor shows it', () => {
    const { bruno } = twoWriters({ type: 'doc', content: [paragraph('Alice écrit.'), paragraph('Fin.')] });
    textOf(bruno, 0).insert(5, ' et Bruno');
    textOf(bruno, 1).insert(0, 'Presque la ');
    expect(textByClient(bruno)).toEqual([
      [ALICE, 'Alice'],
      [BRUNO, ' et Bruno'],
      [ALICE, ' écrit.'],
      [BRUNO, 'Presque la '],
      [ALICE, 'Fin.'],
    ]);
  });

  it('skips deleted text and formatting, and counts emoji in UTF-16 units as ProseMirror does', () => {
    const { bruno } = twoWriters({ type: 'doc', content: [paragraph('Un 🎉 deux trois')] });
    const text = textOf(bruno, 0);
    text.delete(6, 5);
    text.format(0, 2, { bold: {} });
    text.insert(text.length, ' quatre');
    expect(shown(bruno).textContent).toBe('Un 🎉 trois quatre');
    expect(textByClient(bruno)).toEqual([
      [ALICE, 'Un 🎉 trois'],
      [BRUNO, ' quatre'],
    ]);
  });

  it('counts leaves, nested lists and tables as the editor does', () => {
    const { bruno } = twoWriters({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [{ type: 'text', text: 'Avant' }, { type: 'hardBreak' }, { type: 'text', text: 'après' }],
        },
        { type: 'pageBreak' },
        {
          type: 'bulletList',
          content: [
            {
              type: 'listItem',
              content: [
                paragraph('Premier'),
                { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph('Imbriqué')] }] },
              ],
            },
          ],
        },
        {
          type: 'table',
          content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [paragraph('Case')] }] }],
        },
      ],
    });
    const list = bruno.getXmlFragment(DOCUMENT_FIELD).get(2) as Y.XmlElement;
    const nestedItem = ((list.get(0) as Y.XmlElement).get(1) as Y.XmlElement).get(0) as Y.XmlElement;
    ((nestedItem.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(8, ' par Bruno');
    expect(textByClient(bruno)).toEqual([
      [ALICE, 'Avant'],
      [ALICE, 'après'],
      [ALICE, 'Premier'],
      [ALICE, 'Imbriqué'],
      [BRUNO, ' par Bruno'],
      [ALICE, 'Case'],
    ]);
  });

  it('follows edits that arrive from another copy of the document', () => {
    const { alice, bruno } = twoWriters({ type: 'doc', content: [paragraph('Début')] });
    textOf(bruno, 0).insert(5, ' de Bruno');
    Y.applyUpdate(alice, Y.encodeStateAsUpdate(bruno));
    textOf(alice, 0).insert(0, '» ');
    expect(textByClient(alice)).toEqual([
      [ALICE, '» Début'],
      [BRUNO, ' de Bruno'],
    ]);
  });

  it('refuses a fragment holding something the editor would not draw', () => {
    const doc = new Y.Doc();
    // Yjs types a fragment's children as elements and texts, though it holds hooks too.
    doc.getXmlFragment(DOCUMENT_FIELD).insert(0, [new Y.XmlHook('widget') as unknown as Y.XmlElement]);
    expect(clientRuns(doc.getXmlFragment(DOCUMENT_FIELD), isLeaf)).toBeNull();
  });

  it('gives an empty document no runs and no size', () => {
    expect(clientRuns(new Y.Doc().getXmlFragment(DOCUMENT_FIELD), isLeaf)).toEqual({ runs: [], size: 0 });
  });
});

describe('authorRanges', () => {
  it('merges adjacent runs of one author and leaves unknown clients without an author', () => {
    const authors = new Map([
      [1, 'u_alice'],
      [3, 'u_alice'],
      [2, 'u_bruno'],
    ]);
    const ranges = authorRanges(
      [
        { from: 1, to: 4, clientId: 1 },
        { from: 4, to: 6, clientId: 3 },
        { from: 6, to: 9, clientId: 2 },
        { from: 11, to: 12, clientId: 2 },
        { from: 12, to: 15, clientId: 9 },
      ],
      (clientId) => authors.get(clientId),
    );
    expect(ranges).toEqual([
      { from: 1, to: 6, author: 'u_alice' },
      { from: 6, to: 9, author: 'u_bruno' },
      { from: 11, to: 12, author: 'u_bruno' },
      { from: 12, to: 15, author: null },
    ]);
  });
});
