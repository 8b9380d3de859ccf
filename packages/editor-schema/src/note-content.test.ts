import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DOCUMENT_FIELD } from './editor-extensions.ts';
import { countWords, documentUpdateFrom, noteContentOf, replaceNoteContent } from './note-content.ts';

const content = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Contexte' }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'Dette', marks: [{ type: 'bold' }] }] },
  ],
};

describe('note content', () => {
  it('turns content into a document and reads the same content back', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, documentUpdateFrom(content));
    expect(noteContentOf(doc)).toEqual(content);
  });

  it('reads a document without changing it, even where it holds what the schema does not know', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, documentUpdateFrom(content));
    doc.getXmlFragment(DOCUMENT_FIELD).insert(1, [new Y.XmlElement('script')]);
    const before = Y.encodeStateVector(doc);
    noteContentOf(doc);
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(doc.getXmlFragment(DOCUMENT_FIELD).length).toBe(3);
  });

  it('refuses content the schema does not allow', () => {
    expect(() => documentUpdateFrom({ type: 'doc', content: [{ type: 'script' }] })).toThrow(RangeError);
    expect(() => documentUpdateFrom({ type: 'doc', content: [{ type: 'text', text: 'loose' }] })).toThrow(RangeError);
  });
});

describe('countWords', () => {
  it('counts words the way word processors do', () => {
    expect(countWords("L'économie du sous-préfet : 3,5 % en 2026 !")).toBe(6);
    expect(countWords('  ')).toBe(0);
  });
});

describe('replaceNoteContent', () => {
  it('replaces a live document in one transaction, keeping the blocks that did not change', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, documentUpdateFrom(content));
    const heading = doc.getXmlFragment(DOCUMENT_FIELD).get(0);
    Y.applyUpdate(
      doc,
      documentUpdateFrom({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Ajout' }] }] }),
    );
    const origins: unknown[] = [];
    doc.on('update', (_update: Uint8Array, origin: unknown) => origins.push(origin));
    replaceNoteContent(doc, content, 'restore');
    expect(noteContentOf(doc)).toEqual(content);
    expect(origins).toEqual(['restore']);
    expect(doc.getXmlFragment(DOCUMENT_FIELD).get(0)).toBe(heading);
  });

  it('refuses content outside the schema without touching the document', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, documentUpdateFrom(content));
    expect(() => replaceNoteContent(doc, { type: 'doc', content: [{ type: 'script' }] }, 'restore')).toThrow(
      RangeError,
    );
    expect(noteContentOf(doc)).toEqual(content);
  });
});
