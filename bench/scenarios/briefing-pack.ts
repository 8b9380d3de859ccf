import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { documentUpdateFrom, type NoteContent } from '@plume/editor-schema';
import { createTestNote, startTestServer, type TestServer } from '@plume/server/testing';
import * as Y from 'yjs';
import { median } from '../stats.ts';

/** Notes in the pack, and renders timed: each on a fresh server, so Chromium starts cold every time. */
export const PACK_NOTES = 12;
export const PACK_RUNS = 5;

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SENTENCE =
  'La mesure coûte 1,2 milliard d’euros par an, financés par le redéploiement des crédits existants et une contribution des plateformes. ';

/** What the pack scenario measured. */
export type BriefingPackResult = {
  /** Request sent until the whole PDF is received, Chromium start included, per run, in milliseconds. */
  runsMs: number[];
  medianMs: number;
  /** Pages of the PDF (the same in every run). */
  pages: number;
  bytes: number;
};

const text = (value: string) => ({ type: 'text', text: value });
const paragraph = (value: string) => ({ type: 'paragraph', content: [text(value)] });
const heading = (level: number, value: string) => ({ type: 'heading', attrs: { level }, content: [text(value)] });
const cell = (type: 'tableHeader' | 'tableCell', value: string) => ({ type, content: [paragraph(value)] });

/** A policy note of a few pages: headings, paragraphs, a list and a table; `size` sets its length. */
function noteContent(index: number, size: number): NoteContent {
  const section = (name: string, paragraphs: number) => [
    heading(2, name),
    ...Array.from({ length: paragraphs }, (_, i) => paragraph(`${name} ${i + 1}. ${SENTENCE.repeat(3)}`)),
  ];
  return {
    type: 'doc',
    content: [
      ...section('Contexte', size),
      {
        type: 'bulletList',
        content: ['Coût', 'Calendrier', 'Risques'].map((item) => ({ type: 'listItem', content: [paragraph(item)] })),
      },
      heading(3, 'Chiffrage'),
      {
        type: 'table',
        content: [
          { type: 'tableRow', content: ['Poste', '2027', '2028'].map((value) => cell('tableHeader', value)) },
          ...Array.from({ length: 6 }, (_, row) => ({
            type: 'tableRow',
            content: [`Poste ${index}.${row + 1}`, `${row + 3} M€`, `${row + 5} M€`].map((value) =>
              cell('tableCell', value),
            ),
          })),
        ],
      },
      ...section('Propositions', size),
    ],
  };
}

/** Seeds the pack's notes into a fresh server, each written straight into its document. */
async function seedPack(server: TestServer): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 1; index <= PACK_NOTES; index++) {
    const id = await createTestNote(server, `Note ${index} — proposition du programme`);
    const room = await server.rooms.acquire(id);
    try {
      // Lengths vary from about one to about four pages, as a day's notes do: 30 pages or so in all.
      Y.applyUpdate(room.doc, documentUpdateFrom(noteContent(index, 2 + ((index * 3) % 7))));
    } finally {
      server.rooms.release(room);
    }
    ids.push(id);
  }
  return ids;
}

/** Pages of a PDF, as poppler's pdfinfo counts them. */
async function pageCount(pdf: Uint8Array): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'plume-bench-pack-'));
  try {
    const path = join(dir, 'pack.pdf');
    await writeFile(path, pdf);
    const { stdout } = await promisify(execFile)('pdfinfo', [path]);
    return Number(/^Pages:\s+(\d+)$/m.exec(stdout)?.[1]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Times one 12-note pack per fresh server (whose Chromium starts on that request), from request to
 * the last byte of the PDF. A first run is not counted: it loads the renderer's modules into this
 * process and Chromium's files into the disk cache, as any server's first pack of the day has done.
 */
export async function runBriefingPack(): Promise<BriefingPackResult> {
  const runsMs: number[] = [];
  let pages = 0;
  let bytes = 0;
  for (let run = -1; run < PACK_RUNS; run++) {
    const server = await startTestServer({ chromiumPath: CHROMIUM_PATH });
    try {
      const noteIds = await seedPack(server);
      const began = performance.now();
      const response = await fetch(`${server.url}/api/packs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: server.admin.cookie },
        body: JSON.stringify({
          noteIds,
          cover: { title: 'Dossier du jour', date: '2026-12-02', recipient: 'La candidate' },
          paper: 'A4',
          doubleSided: true,
          largeType: false,
        }),
      });
      const pdf = new Uint8Array(await response.arrayBuffer());
      if (run >= 0) runsMs.push(performance.now() - began);
      if (response.status !== 200)
        throw new Error(`the pack answered ${response.status}: ${new TextDecoder().decode(pdf)}`);
      bytes = pdf.byteLength;
      pages = await pageCount(pdf);
    } finally {
      await server.dispose();
    }
  }
  return { runsMs, medianMs: median(runsMs), pages, bytes };
}
