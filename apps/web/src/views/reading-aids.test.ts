import { createEditorSchema } from '@plume/editor-schema';
import { describe, expect, it } from 'vitest';
import { headingsOf, needsOutline, readingFiguresOf } from './reading-aids.ts';

const schema = createEditorSchema();

const text = (value: string) => ({ type: 'text', text: value });
const paragraph = (value: string) => ({ type: 'paragraph', content: value ? [text(value)] : [] });
const heading = (level: number, value: string) => ({
  type: 'heading',
  attrs: { level },
  content: value ? [text(value)] : [],
});
const note = (...content: object[]) => schema.nodeFromJSON({ type: 'doc', content });

describe('reading figures', () => {
  it('counts words across blocks and line breaks, as the server does', () => {
    const doc = note(heading(1, 'Contexte'), paragraph('L’économie du sous-préfet'), {
      type: 'paragraph',
      content: [text('fin'), { type: 'hardBreak' }, text('début')],
    });
    const figures = readingFiguresOf(doc);
    expect(figures.wordCount).toBe(6);
    expect(figures.readingMinutes).toBe(1);
    expect(readingFiguresOf(note(paragraph(''))).wordCount).toBe(0);
  });

  it('lists the headings that have text, with their levels and where they start', () => {
    const doc = note(
      heading(1, 'Titre'),
      paragraph('Texte'),
      heading(2, '  '),
      { type: 'blockquote', content: [heading(3, 'Cité')] },
      heading(2, 'Propositions'),
    );
    const headings = headingsOf(doc);
    expect(headings.map(({ level, text: value }) => [level, value])).toEqual([
      [1, 'Titre'],
      [3, 'Cité'],
      [2, 'Propositions'],
    ]);
    for (const { position, text: value } of headings) expect(doc.nodeAt(position)?.textContent).toBe(value);
  });

  it('shows an outline from three headings on, or past 800 words', () => {
    const figures = (headings: number, wordCount: number) => ({
      wordCount,
      readingMinutes: 1,
      headings: Array.from({ length: headings }, (_, index) => ({ level: 2, text: `${index}`, position: index })),
    });
    expect(needsOutline(figures(2, 800))).toBe(false);
    expect(needsOutline(figures(3, 10))).toBe(true);
    expect(needsOutline(figures(0, 801))).toBe(true);
  });
});
