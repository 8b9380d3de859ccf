import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { countWords, documentUpdateFrom, noteContentOf } from './note-content.ts';

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
