import type { NoteView, Theme } from '@plume/protocol';
import { describe, expect, it } from 'vitest';
import { contributorsOf, groupByStatus, groupByTheme } from './note-grouping.ts';

const anne = { id: 'user_anne', name: 'Anne' };
const bruno = { id: 'user_bruno', name: 'Bruno' };
const eloise = { id: 'user_eloise', name: 'Éloïse' };

function note(id: string, change: Partial<NoteView> = {}): NoteView {
  return {
    id,
    title: id,
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-02T10:00:00.000Z',
    themeId: null,
    status: 'draft',
    owner: null,
    contributors: [],
    wordCount: 0,
    readingMinutes: 0,
    role: 'owner',
    present: [],
    ...change,
  };
}

function theme(id: string, name: string): Theme {
  return { id, name, color: '#bfdbfe', createdAt: '2026-01-01T00:00:00.000Z' };
}

describe('groupByTheme', () => {
  it('puts themes in alphabetical order, notes without a theme last, and leaves empty themes out', () => {
    const themes = [theme('t_sante', 'Santé'), theme('t_eco', 'économie'), theme('t_logement', 'Logement')];
    const notes = [
      note('a', { themeId: 't_sante' }),
      note('b'),
      note('c', { themeId: 't_eco' }),
      note('d', { themeId: 't_sante' }),
      note('e', { themeId: 't_deleted' }),
    ];
    const groups = groupByTheme(notes, themes, 'fr');
    expect(groups.map((group) => [group.theme?.name ?? null, group.notes.map((n) => n.id)])).toEqual([
      ['économie', ['c']],
      ['Santé', ['a', 'd']],
      [null, ['b', 'e']],
    ]);
  });

  it('returns no group for no notes', () => {
    expect(groupByTheme([], [theme('t_sante', 'Santé')], 'fr')).toEqual([]);
  });
});

describe('groupByStatus', () => {
  it('has a column for every status, even empty ones', () => {
    const columns = groupByStatus([note('a', { status: 'review' }), note('b'), note('c', { status: 'review' })]);
    expect(Object.keys(columns)).toEqual(['draft', 'review', 'validated', 'sent']);
    expect(columns.review.map((n) => n.id)).toEqual(['a', 'c']);
    expect(columns.sent).toEqual([]);
  });
});

describe('contributorsOf', () => {
  it('gathers owners and contributors once each, by name', () => {
    const notes = [note('a', { owner: bruno, contributors: [eloise, anne] }), note('b', { contributors: [bruno] })];
    expect(contributorsOf(notes, 'fr')).toEqual([anne, bruno, eloise]);
  });
});
