import type { NoteContent } from '@plume/editor-schema';
import type { PackedNote, VersionComparison, VersionSummary } from '@plume/protocol';
import { describe, expect, it } from 'vitest';
import { packChangesHtml } from '../print/index.ts';
import { RefusalError } from '../refusal-error.ts';
import { type CompareVersions, changedPassages, PACK_CHANGES_MAX_PASSAGES, packChanges } from './pack-changes.ts';
import type { PackNote } from './pack-notes.ts';

const text = (value: string, marks: NoteContent['marks'] = []): NoteContent => ({ type: 'text', text: value, marks });
const paragraph = (...content: NoteContent[]): NoteContent => ({ type: 'paragraph', content });
const inserted = (author: string | null) => [{ type: 'inserted', attrs: { author } }];
const deleted = (author: string | null) => [{ type: 'deleted', attrs: { author } }];

function summary(id: string, createdAt: string): VersionSummary {
  return { id, noteId: 'n1', createdAt, kind: 'named', name: null, authors: [], wordCount: 0, bytes: 0 };
}

function packNote(id: string, title: string, versionId: string): PackNote {
  return {
    id,
    title,
    theme: null,
    statusLabel: 'Validée',
    version: '« x »',
    versionId,
    date: new Date(),
    content: { type: 'doc', content: [] },
  };
}

const lastPack = (versionId: string): PackedNote => ({
  packId: 'p1',
  title: 'Dossier du lundi',
  date: '2026-11-30',
  printedAt: '2026-11-30T08:00:00.000Z',
  versionId,
});

const COMPARISON: VersionComparison = {
  from: summary('old', '2026-11-30T07:00:00.000Z'),
  to: summary('new', '2026-12-01T07:00:00.000Z'),
  content: {
    type: 'doc',
    content: [
      paragraph(text('Sans changement.')),
      {
        type: 'bulletList',
        content: [
          {
            type: 'listItem',
            content: [
              paragraph(text('Le budget passe de '), text('3', deleted('u2')), text('4', inserted('u1')), text(' M€.')),
            ],
          },
        ],
      },
      paragraph(text('Ajout d’un invité.', inserted('guest:s1'))),
    ],
  },
  authors: [],
  tallies: [
    { author: 'u1', inserted: 1, deleted: 0 },
    { author: 'guest:s1', inserted: 18, deleted: 0 },
    { author: 'u2', inserted: 0, deleted: 1 },
  ],
};

function deps(last: Record<string, PackedNote | null>, compare: CompareVersions) {
  const accounts: Record<string, string> = { u1: 'Anne <Auteure>', u2: 'Bruno' };
  return {
    compare,
    accountName: (id: string) => accounts[id] ?? null,
    history: { lastPackedVersion: async (noteId: string) => last[noteId] ?? null },
  };
}

describe('packChanges', () => {
  it('says a note in no earlier pack is new and one printed in the same version is unchanged', async () => {
    const compare: CompareVersions = async () => {
      throw new Error('nothing to compare');
    };
    const changes = await packChanges(
      deps({ n2: lastPack('v2') }, compare),
      [packNote('n1', 'Santé', 'v1'), packNote('n2', 'Budget', 'v2')],
      'fr',
    );
    expect(changes.map(({ state, since }) => ({ state, since }))).toEqual([
      { state: 'new', since: null },
      { state: 'unchanged', since: { title: 'Dossier du lundi', date: new Date('2026-11-30T12:00:00Z') } },
    ]);
  });

  it('compares the last pack’s version with the one printed: who changed how much, and the passages', async () => {
    const asked: string[][] = [];
    const compare: CompareVersions = async (noteId, from, to) => {
      asked.push([noteId, from, to]);
      return COMPARISON;
    };
    const [change] = await packChanges(deps({ n1: lastPack('old') }, compare), [packNote('n1', 'Santé', 'new')], 'fr');
    expect(asked).toEqual([['n1', 'old', 'new']]);
    expect(change).toMatchObject({
      state: 'changed',
      tallies: [
        { name: 'Anne <Auteure>', inserted: 1, deleted: 0 },
        { name: 'Invité', inserted: 18, deleted: 0 },
        { name: 'Bruno', inserted: 0, deleted: 1 },
      ],
      omitted: 0,
      authors: { u1: 'Anne <Auteure>', u2: 'Bruno', 'guest:s1': 'Invité' },
    });
    expect(change?.passages).toHaveLength(2);

    const html = packChangesHtml(change ? [change] : [], 'fr');
    expect(html).toContain('Depuis le dossier « Dossier du lundi » du 30 novembre 2026');
    expect(html).toContain('Anne &lt;Auteure&gt; : 1 caractère ajouté, 0 supprimé');
    expect(html).toContain(
      'Le budget passe de <del>3</del><span class="change-author">Bruno</span><ins>4</ins><span class="change-author">Anne &lt;Auteure&gt;</span> M€.',
    );
    expect(html).not.toContain('Sans changement.');
    expect(html).not.toMatch(/<h[1-6]/);
  });

  it('reads a comparison the other way round when the pack prints an older version than the last pack did', async () => {
    const compare: CompareVersions = async () => COMPARISON;
    const [change] = await packChanges(deps({ n1: lastPack('new') }, compare), [packNote('n1', 'Santé', 'old')], 'en');
    expect(change?.tallies[0]).toEqual({ name: 'Anne <Auteure>', inserted: 0, deleted: 1 });
    const html = packChangesHtml(change ? [change] : [], 'en');
    expect(html).toContain('<ins>3</ins>');
    expect(html).toContain('<del>4</del>');
  });

  it('says so when the version printed last time is no longer kept, and lets other failures through', async () => {
    const gone: CompareVersions = async () => {
      throw new RefusalError('versionNotFound');
    };
    const [change] = await packChanges(deps({ n1: lastPack('old') }, gone), [packNote('n1', 'Santé', 'new')], 'fr');
    expect(change?.state).toBe('lost');
    const broken: CompareVersions = async () => {
      throw new Error('disk on fire');
    };
    await expect(
      packChanges(deps({ n1: lastPack('old') }, broken), [packNote('n1', 'Santé', 'new')], 'fr'),
    ).rejects.toThrow('disk on fire');
  });

  it('keeps a dozen passages and counts the rest', async () => {
    const many: VersionComparison = {
      ...COMPARISON,
      content: {
        type: 'doc',
        content: Array.from({ length: PACK_CHANGES_MAX_PASSAGES + 3 }, (_, index) =>
          paragraph(text(`ajout ${index}`, inserted('u1'))),
        ),
      },
    };
    const [change] = await packChanges(
      deps({ n1: lastPack('old') }, async () => many),
      [packNote('n1', 'Santé', 'new')],
      'fr',
    );
    expect(change?.passages).toHaveLength(PACK_CHANGES_MAX_PASSAGES);
    expect(change?.omitted).toBe(3);
    expect(packChangesHtml(change ? [change] : [], 'fr')).toContain('… et 3 autres passages modifiés');
  });
});

describe('changedPassages', () => {
  it('shortens unchanged text far from a change', () => {
    const long = 'x'.repeat(200);
    const [passage] = changedPassages({
      type: 'doc',
      content: [paragraph(text(long), text('neuf', inserted('u1')), text(long))],
    });
    const [before, , after] = passage ?? [];
    expect(before?.text).toBe(`…${'x'.repeat(60)}`);
    expect(after?.text).toBe(`${'x'.repeat(60)}…`);
  });
});
