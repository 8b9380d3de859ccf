import type { NoteRecord } from '@plume/storage';
import { describe, expect, it } from 'vitest';
import { queryNotes } from './note-query.ts';

const base: NoteRecord = {
  id: '',
  title: '',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  themeId: null,
  status: 'draft',
  statusHistory: [],
  ownerId: 'owner',
  contributorIds: [],
  wordCount: 0,
  deletedAt: null,
  deletedBy: null,
};
const notes: NoteRecord[] = [
  { ...base, id: 'a', title: 'économie', status: 'sent', wordCount: 100, updatedAt: '2026-01-03T00:00:00.000Z' },
  { ...base, id: 'b', title: 'Écologie', status: 'draft', wordCount: 900, themeId: 't1', contributorIds: ['x'] },
  { ...base, id: 'c', title: 'Note 10', status: 'review', wordCount: 100, updatedAt: '2026-01-02T00:00:00.000Z' },
  { ...base, id: 'd', title: 'Note 9', status: 'review', wordCount: 400, ownerId: 'x' },
];
const ids = (query: Parameters<typeof queryNotes>[1]) => queryNotes([...notes], query).map((note) => note.id);

describe('queryNotes', () => {
  it('sorts titles as French readers expect: accents and case aside, numbers by value', () => {
    expect(ids({ sort: 'title' })).toEqual(['b', 'a', 'd', 'c']);
  });

  it('follows the workflow order and breaks ties by the most recent change', () => {
    expect(ids({ sort: 'status' })).toEqual(['b', 'c', 'd', 'a']);
    expect(ids({ sort: 'status', order: 'desc' })).toEqual(['a', 'c', 'd', 'b']);
  });

  it('puts the longest reads first', () => {
    expect(ids({ sort: 'readingTime' })).toEqual(['b', 'd', 'a', 'c']);
  });

  it('counts owners and editors alike as contributors, and combines filters', () => {
    expect(ids({ sort: 'updated', contributor: 'x' })).toEqual(['b', 'd']);
    expect(ids({ sort: 'updated', contributor: 'x', theme: 'none' })).toEqual(['d']);
    expect(ids({ sort: 'updated', status: 'review' })).toEqual(['c', 'd']);
  });
});
