import { describe, expect, it } from 'vitest';
import { createEditorSchema } from './editor-schema.ts';

describe('the editor schema', () => {
  const schema = createEditorSchema();

  it('builds in Node without a DOM', () => {
    expect(schema.topNodeType.name).toBe('doc');
  });

  it('reads a note with a heading and a list from JSON', () => {
    const doc = schema.nodeFromJSON({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Constat' }] },
        {
          type: 'bulletList',
          content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Un' }] }] }],
        },
      ],
    });
    expect(() => doc.check()).not.toThrow();
    expect(doc.textContent).toBe('ConstatUn');
  });

  it('holds the blocks and marks a policy note needs', () => {
    expect(Object.keys(schema.nodes)).toEqual(
      expect.arrayContaining([
        'paragraph',
        'heading',
        'bulletList',
        'orderedList',
        'taskList',
        'taskItem',
        'blockquote',
        'table',
        'tableRow',
        'tableHeader',
        'tableCell',
        'horizontalRule',
        'pageBreak',
      ]),
    );
    expect(Object.keys(schema.marks)).toEqual(
      expect.arrayContaining(['bold', 'italic', 'underline', 'strike', 'highlight', 'link']),
    );
  });

  it('holds links, for sources and references', () => {
    expect(Object.keys(schema.marks.link?.spec.attrs ?? {})).toContain('href');
  });
});
