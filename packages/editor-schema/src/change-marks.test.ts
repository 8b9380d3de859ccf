import { getSchema } from '@tiptap/core';
import type { Mark, MarkType, Schema } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { createChangeMarks } from './change-marks.ts';
import { createEditorExtensions } from './editor-extensions.ts';
import { createEditorSchema } from './editor-schema.ts';

const COMPARISON = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Le candidat propose ' },
        { type: 'text', text: 'un chèque', marks: [{ type: 'deleted', attrs: { author: 'u_alice' } }] },
        { type: 'text', text: 'une aide', marks: [{ type: 'inserted', attrs: { author: 'u_bruno' } }] },
        { type: 'text', text: ' ciblée', marks: [{ type: 'bold' }, { type: 'inserted', attrs: { author: null } }] },
      ],
    },
  ],
};

function markType(schema: Schema, name: string): MarkType {
  const type = schema.marks[name];
  if (!type) throw new Error(`the schema has no ${name} mark`);
  return type;
}

function toDomSpec(mark: Mark): unknown {
  const toDOM = mark.type.spec.toDOM;
  if (!toDOM) throw new Error(`mark ${mark.type.name} has no toDOM`);
  return toDOM(mark, true);
}

describe('the change marks of a comparison', () => {
  it('reads a comparison with insertions and deletions in the note schema plus the change marks', () => {
    const schema = getSchema([...createEditorExtensions(), ...createChangeMarks()]);
    const doc = schema.nodeFromJSON(COMPARISON);
    expect(() => doc.check()).not.toThrow();
    const paragraph = doc.firstChild;
    expect(paragraph?.child(1).marks.map((mark) => [mark.type.name, mark.attrs.author])).toEqual([
      ['deleted', 'u_alice'],
    ]);
    expect(paragraph?.child(2).marks.map((mark) => [mark.type.name, mark.attrs.author])).toEqual([
      ['inserted', 'u_bruno'],
    ]);
    expect(paragraph?.child(3).marks.map((mark) => mark.type.name)).toEqual(['bold', 'inserted']);
  });

  it('is no part of the note schema itself', () => {
    const schema = createEditorSchema();
    expect(schema.marks.inserted).toBeUndefined();
    expect(schema.marks.deleted).toBeUndefined();
    expect(() => schema.nodeFromJSON(COMPARISON)).toThrow(RangeError);
  });

  it('draws insertions as <ins> and deletions as <del>, with the look the view gives each author', () => {
    const schema = getSchema([
      ...createEditorExtensions(),
      ...createChangeMarks({
        describe: (kind, author) => ({ className: `author-${author ?? 'unknown'}`, title: `${kind} by ${author}` }),
      }),
    ]);
    expect(toDomSpec(markType(schema, 'inserted').create({ author: 'u_bruno' }))).toEqual([
      'ins',
      { 'data-author': 'u_bruno', class: 'change change-inserted author-u_bruno', title: 'inserted by u_bruno' },
      0,
    ]);
    expect(toDomSpec(markType(schema, 'deleted').create({ author: null }))).toEqual([
      'del',
      { class: 'change change-deleted author-unknown', title: 'deleted by null' },
      0,
    ]);
  });

  it('draws plain change elements when the view gives no look', () => {
    const schema = getSchema([...createEditorExtensions(), ...createChangeMarks()]);
    expect(toDomSpec(markType(schema, 'deleted').create({ author: 'u_alice' }))).toEqual([
      'del',
      { 'data-author': 'u_alice', class: 'change change-deleted' },
      0,
    ]);
  });
});
