import { describe, expect, it } from 'vitest';
import { parseBody } from './auth-api.ts';
import {
  createNoteRequest,
  listNotesQuery,
  NOTE_TITLE_MAX_LENGTH,
  readingMinutes,
  searchQuery,
  setStatusRequest,
  updateNoteRequest,
} from './workspace-api.ts';

describe('createNoteRequest', () => {
  it('trims the title, turns control characters into spaces and defaults theme and template to none', () => {
    expect(parseBody(createNoteRequest, { title: '  Économie\u0000verte  ' })).toEqual({
      ok: true,
      value: { title: 'Économie verte', themeId: null, templateId: null },
    });
  });

  it('refuses an empty, an overlong or a missing title, and unknown fields', () => {
    expect(parseBody(createNoteRequest, { title: '   ' }).ok).toBe(false);
    expect(parseBody(createNoteRequest, { title: 'x'.repeat(NOTE_TITLE_MAX_LENGTH + 1) }).ok).toBe(false);
    expect(parseBody(createNoteRequest, {}).ok).toBe(false);
    expect(parseBody(createNoteRequest, { title: 'A', owner: 'me' }).ok).toBe(false);
  });

  it('names the field that is wrong', () => {
    expect(parseBody(createNoteRequest, { title: 'A', themeId: '../../etc' })).toEqual({
      ok: false,
      message: '"themeId": This is not a valid id.',
    });
  });
});

describe('updateNoteRequest', () => {
  it('needs something to change and lets the theme be cleared', () => {
    expect(parseBody(updateNoteRequest, {}).ok).toBe(false);
    expect(parseBody(updateNoteRequest, { themeId: null })).toEqual({ ok: true, value: { themeId: null } });
  });
});

describe('setStatusRequest', () => {
  it('accepts the workflow statuses only', () => {
    expect(parseBody(setStatusRequest, { status: 'review' }).ok).toBe(true);
    expect(parseBody(setStatusRequest, { status: 'published' })).toEqual({
      ok: false,
      message: '"status": "status" is one of draft, review, validated, sent.',
    });
  });
});

describe('query strings', () => {
  it('parses list filters with defaults and refuses unknown ones', () => {
    expect(parseBody(listNotesQuery, { theme: 'none', status: 'validated' })).toEqual({
      ok: true,
      value: { theme: 'none', status: 'validated', sort: 'updated' },
    });
    expect(parseBody(listNotesQuery, { owner: 'x' }).ok).toBe(false);
  });

  it('bounds a search and its limit', () => {
    expect(parseBody(searchQuery, { q: ' santé ', limit: '5' })).toEqual({ ok: true, value: { q: 'santé', limit: 5 } });
    expect(parseBody(searchQuery, { q: '  ' }).ok).toBe(false);
    expect(parseBody(searchQuery, { q: 'a', limit: '500' }).ok).toBe(false);
  });
});

describe('readingMinutes', () => {
  it('rounds up at 200 words a minute', () => {
    expect([0, 1, 200, 201, 1000].map(readingMinutes)).toEqual([0, 1, 1, 2, 5]);
  });
});
