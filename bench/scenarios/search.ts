import { join } from 'node:path';
import { documentUpdateFrom } from '@plume/editor-schema';
import { createNoteId, type SearchResults } from '@plume/protocol';
import { signInTestAccount } from '@plume/server/testing';
import { createLeveldbDocumentStore, createLowdbMetadataStore, type NoteRecord } from '@plume/storage';
import { PLUME_BENCH_ACCOUNT } from '../servers/bench-account.ts';
import type { ServerProcess } from '../servers/server-process.ts';
import { quantile } from '../stats.ts';

/** Notes in the searched workspace, and words in each: about two printed pages. */
export const SEARCH_NOTES = 2_000;
export const WORDS_PER_NOTE = 1_000;
/** Queries timed, after a warm-up of the same size. */
const QUERIES = 400;

const POLICY_WORDS = (
  'économie dette budget fiscalité impôt emploi chômage salaire retraite santé hôpital médecin ' +
  'écologie climat énergie nucléaire éolien solaire carbone transport ferroviaire logement loyer ' +
  'éducation école université recherche sécurité police justice prison agriculture eau forêt ' +
  'numérique innovation industrie commerce europe défense culture sport jeunesse famille'
).split(' ');
const GLUE = 'le la les de des du et en un une pour par sur dans avec au aux que qui est sont'.split(' ');

// A small deterministic generator: every run searches the same corpus.
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/** A vocabulary of made-up French-looking words, so the index holds many distinct terms. */
function vocabulary(next: () => number, size: number): string[] {
  const syllables =
    'ba be bi bo bu ca ce ci co cu da de di do du fa fe fi fo ga ge gi la le li lo ma me mi mo na ne ni no pa pe pi po ra re ri ro sa se si so ta te ti to va ve vi vo tion ment eur ique'.split(
      ' ',
    );
  return Array.from({ length: size }, () => {
    const count = 2 + Math.floor(next() * 3);
    return Array.from({ length: count }, () => syllables[Math.floor(next() * syllables.length)]).join('');
  });
}

function paragraphsOf(next: () => number, words: string[]): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (let i = 0; i < WORDS_PER_NOTE; i++) {
    const pick = next();
    const word =
      pick < 0.45
        ? GLUE[Math.floor(next() * GLUE.length)]
        : pick < 0.55
          ? POLICY_WORDS[Math.floor(next() * POLICY_WORDS.length)]
          : words[Math.floor(next() ** 2 * words.length)];
    current.push(word ?? 'mot');
    if (current.length >= 80 && next() < 0.1) {
      paragraphs.push(`${current.join(' ')}.`);
      current = [];
    }
  }
  paragraphs.push(`${current.join(' ')}.`);
  return paragraphs;
}

/** Writes the corpus straight into a stopped Plume's data directory, as a long-used workspace would have it. */
export async function seedSearchCorpus(dataDir: string): Promise<{ words: string[] }> {
  const next = random(2026);
  const words = vocabulary(next, 20_000);
  const documents = await createLeveldbDocumentStore(join(dataDir, 'documents'));
  const notes = await createLowdbMetadataStore(join(dataDir, 'metadata.json'));
  const at = new Date().toISOString();
  const records: NoteRecord[] = [];
  for (let i = 0; i < SEARCH_NOTES; i++) {
    const id = createNoteId();
    const content = {
      type: 'doc',
      content: paragraphsOf(next, words).map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
    };
    await documents.appendUpdate(id, documentUpdateFrom(content));
    records.push({
      id,
      title: `Note ${i + 1} · ${POLICY_WORDS[i % POLICY_WORDS.length]}`,
      createdAt: at,
      updatedAt: at,
      themeId: null,
      status: 'draft',
      statusHistory: [],
      ownerId: null,
      contributorIds: [],
      wordCount: WORDS_PER_NOTE,
      deletedAt: null,
      deletedBy: null,
    });
  }
  // One write for all the metadata; each createNote would rewrite the whole file.
  await Promise.all(records.map((record) => notes.createNote(record)));
  await notes.close();
  await documents.close();
  return { words };
}

/** What a search run measured: server-side and round-trip percentiles (ms), index build and heap. */
export type SearchResult = {
  serverP50: number;
  serverP95: number;
  roundTripP95: number;
  firstSearchMs: number;
  hitsMedian: number;
  heapMb: number;
};

/** The queries people type: policy words, rare words, two- and three-word queries, prefixes and typos. */
function queries(words: string[]): string[] {
  const next = random(7);
  const pick = (list: string[]) => list[Math.floor(next() * list.length)] ?? 'dette';
  return Array.from({ length: QUERIES }, (_, i) => {
    switch (i % 6) {
      case 0:
        return pick(POLICY_WORDS);
      case 1:
        return pick(words);
      case 2:
        return `${pick(POLICY_WORDS)} ${pick(POLICY_WORDS)}`;
      case 3:
        return `${pick(POLICY_WORDS)} ${pick(words).slice(0, 4)}`;
      case 4:
        return `${pick(POLICY_WORDS)} ${pick(words)} ${pick(POLICY_WORDS)}`;
      default: {
        const word = pick(POLICY_WORDS);
        return word.length > 6 ? `${word.slice(0, 3)}x${word.slice(4)}` : word;
      }
    }
  });
}

/** Signs in to a Plume seeded with `seedSearchCorpus` and times searches through its HTTP API. */
export async function runSearch(server: ServerProcess, words: string[]): Promise<SearchResult> {
  const url = `http://127.0.0.1:${server.port}`;
  const cookie = await signInTestAccount({ url }, PLUME_BENCH_ACCOUNT.email, PLUME_BENCH_ACCOUNT.password);
  async function search(query: string): Promise<{ serverMs: number; roundTripMs: number; total: number }> {
    const started = performance.now();
    const response = await fetch(`${url}/api/search?q=${encodeURIComponent(query)}`, { headers: { cookie } });
    const body = (await response.json()) as SearchResults;
    const roundTripMs = performance.now() - started;
    if (response.status !== 200) throw new Error(`search answered ${response.status}`);
    const timing = /dur=([\d.]+)/.exec(response.headers.get('server-timing') ?? '');
    return { serverMs: Number(timing?.[1]), roundTripMs, total: body.total };
  }
  // The first search waits for the index the server builds from disk at start.
  const firstStarted = performance.now();
  await search('dette');
  const firstSearchMs = performance.now() - firstStarted;
  const list = queries(words);
  for (const query of list) await search(query);
  const samples = [];
  for (const query of list) samples.push(await search(query));
  const { memory } = await server.measure({ gc: true });
  return {
    serverP50: quantile(
      samples.map((s) => s.serverMs),
      0.5,
    ),
    serverP95: quantile(
      samples.map((s) => s.serverMs),
      0.95,
    ),
    roundTripP95: quantile(
      samples.map((s) => s.roundTripMs),
      0.95,
    ),
    firstSearchMs,
    hitsMedian: quantile(
      samples.map((s) => s.total),
      0.5,
    ),
    heapMb: memory.heapUsed / 1024 / 1024,
  };
}
