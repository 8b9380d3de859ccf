// Compares Plume's sync server with two peers under one load generator, one server at a time, and
// writes bench/RESULTS.md. Env: BENCH_ROUNDS (runs of each propagation scenario, default 3),
// BENCH_ONLY (comma-separated scenario keys; RESULTS.md is then left alone), PLUME_CPU_PROFILE (a
// directory: Plume's host writes --cpu-prof profiles there), PLUME_EDITOR_WEB_ROOT (a web app
// already built, for comparing two builds in turn; the editor scenario then does not build).
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer } from '@plume/server/testing';
import { type Row, renderTable, row } from './report.ts';
import { PACK_NOTES, PACK_RUNS, runBriefingPack } from './scenarios/briefing-pack.ts';
import { longHistory, runColdLoad } from './scenarios/cold-load.ts';
import { buildWebApp, NOTE_PAGES, runEditorTyping, TYPISTS, weighWebApp } from './scenarios/editor-typing.ts';
import { IDLE_NOTES, runIdleMemory } from './scenarios/idle-memory.ts';
import { type PropagationLoad, type PropagationResult, runPropagation } from './scenarios/propagation.ts';
import { runSearch, SEARCH_NOTES, seedSearchCorpus, WORDS_PER_NOTE } from './scenarios/search.ts';
import { CONTENDERS, type Contender, PLUME } from './servers/contenders.ts';
import { type ServerProcess, startServerProcess } from './servers/server-process.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ONLY = process.env.BENCH_ONLY?.split(',').map((key) => key.trim());
const PLUME_CPU_PROFILE = process.env.PLUME_CPU_PROFILE;
const PLUME_EDITOR_WEB_ROOT = process.env.PLUME_EDITOR_WEB_ROOT;
const TYPING = { typingShare: 0.2, opsPerSecond: 5, warmUpMs: 2000, measureMs: 4000 } as const;

/** The propagation scenarios, keyed as BENCH_ONLY names them. */
const PROPAGATION: Record<string, { title: string; load: PropagationLoad }> = {
  'one-note-50': { title: '1 · one note, 50 clients', load: { notes: 1, clientsPerNote: 50, ...TYPING } },
  'one-note-200': { title: '2 · one note, 200 clients', load: { notes: 1, clientsPerNote: 200, ...TYPING } },
  'notes-100x5': { title: '3 · 100 notes × 5 clients', load: { notes: 100, clientsPerNote: 5, ...TYPING } },
};

const names = CONTENDERS.map((c) => c.name);
const peers = CONTENDERS.filter((c) => c !== PLUME).map((c) => c.name);
const wanted = (key: string) => !ONLY || ONLY.includes(key);
const samplesOf = () => Object.fromEntries(names.map((name) => [name, [] as number[]]));
const ms = (value: number) => value.toFixed(2);

/** Starts `contender` on a fresh data directory, runs `body`, then stops it and deletes the directory. */
async function withServer<T>(
  contender: Contender,
  body: (server: ServerProcess) => Promise<{ result: T; server?: ServerProcess }>,
): Promise<T> {
  const dataDir = await mkdtemp(join(tmpdir(), `plume-bench-${contender.name.toLowerCase()}-`));
  const profile = contender === PLUME && PLUME_CPU_PROFILE ? { cpuProfileDir: PLUME_CPU_PROFILE } : {};
  const started = await startServerProcess(contender.script, dataDir, profile);
  try {
    const { result, server } = await body(started);
    await (server ?? started).stop();
    return result;
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const began = performance.now();
  // Anything else running on the two cores skews every figure; the results say how busy they were.
  const loadAtStart = loadavg()[0] ?? Number.NaN;
  const rows: Row[] = [];
  const incomplete: Record<string, number> = Object.fromEntries(names.map((name) => [name, 0]));
  let edits = 0;

  for (const [key, { title, load }] of Object.entries(PROPAGATION)) {
    if (!wanted(key)) continue;
    const p50 = samplesOf();
    const p95 = samplesOf();
    const cpu = samplesOf();
    for (let round = 0; round < ROUNDS; round++) {
      // The order rotates each round, so drift on the shared cores hits every server alike.
      for (const contender of rotate(CONTENDERS, round)) {
        const result: PropagationResult = await withServer(contender, async (server) => ({
          result: await runPropagation(contender, server, load),
        }));
        log(`${title} · ${contender.name} · round ${round + 1}`, result);
        p50[contender.name]?.push(result.p50);
        p95[contender.name]?.push(result.p95);
        cpu[contender.name]?.push(result.cpuPerDeliveryUs);
        incomplete[contender.name] = (incomplete[contender.name] ?? 0) + result.incomplete;
        edits += result.edits;
      }
    }
    const half = { text: '≤ 0.5 × best peer', met: (plume: number, best: number) => plume <= best / 2 };
    rows.push(row(title, 'propagation p50 (ms)', p50, ms));
    rows.push(row(title, 'propagation p95 (ms)', p95, ms, key === 'one-note-200' ? half : undefined));
    if (key === 'one-note-200') rows.push(row(title, 'server CPU per delivered update (µs)', cpu, ms, half));
  }

  const { documentBytes } = longHistory();
  if (wanted('cold-load')) {
    const time = samplesOf();
    const bytes = samplesOf();
    for (const contender of CONTENDERS) {
      const samples = await withServer(contender, async (first) => {
        const { samples, server } = await runColdLoad(contender, first);
        return { result: samples, server };
      });
      log(`4 · cold load · ${contender.name}`, samples);
      time[contender.name]?.push(...samples.map((s) => s.ms));
      bytes[contender.name]?.push(...samples.map((s) => s.bytes));
    }
    const title = `4 · cold load, ${Math.round(documentBytes / 1000)} KB history`;
    rows.push(row(title, 'connect → has document (ms)', time, ms, { text: '≤ 60 ms', met: (p) => p <= 60 }));
    rows.push(
      row(
        title,
        'bytes sent to the client (KB, × document)',
        bytes,
        (v) => `${(v / 1000).toFixed(0)} (× ${(v / documentBytes).toFixed(2)})`,
        { text: 'document sent once', met: (p) => p < 1.5 * documentBytes },
      ),
    );
  }

  if (wanted('idle-memory')) {
    const perNote = samplesOf();
    const residual = samplesOf();
    for (const contender of CONTENDERS) {
      const result = await withServer(contender, async (server) => ({
        result: await runIdleMemory(contender, server),
      }));
      log(`5 · idle notes · ${contender.name}`, result);
      perNote[contender.name]?.push(result.perOpenNote / 1024);
      residual[contender.name]?.push(result.afterClose / 1024 / 1024);
    }
    const title = `5 · ${IDLE_NOTES.toLocaleString('en')} notes, 1 client each`;
    rows.push(
      row(title, 'heap per open note (KB)', perNote, (v) => v.toFixed(1), { text: '≤ 15 KB', met: (p) => p <= 15 }),
    );
    const plumeOpenMb = ((perNote[PLUME.name]?.[0] ?? Number.NaN) * IDLE_NOTES) / 1024;
    rows.push(
      row(title, 'heap above baseline after all closed (MB)', residual, (v) => v.toFixed(2), {
        text: `back to baseline (≤ 10 % of the ${plumeOpenMb.toFixed(0)} MB open)`,
        met: (p) => p <= plumeOpenMb / 10,
      }),
    );
  }

  const plumeOnly: Row[] = [];
  if (wanted('search')) {
    // Searching notes is Plume's alone: no peer to run, the target is absolute.
    const dataDir = await mkdtemp(join(tmpdir(), 'plume-bench-search-'));
    try {
      const { words } = await seedSearchCorpus(dataDir);
      const server = await startServerProcess(PLUME.script, dataDir);
      const result = await runSearch(server, words);
      await server.stop();
      log('6 · search', result);
      const title = `6 · search, ${SEARCH_NOTES.toLocaleString('en')} notes × ${WORDS_PER_NOTE.toLocaleString('en')} words`;
      const only = (value: number) => ({ [PLUME.name]: [value] });
      plumeOnly.push(row(title, 'server-side p50 (ms)', only(result.serverP50), ms));
      plumeOnly.push(
        row(title, 'server-side p95 (ms)', only(result.serverP95), ms, { text: '< 50 ms', met: (p) => p < 50 }),
      );
      plumeOnly.push(row(title, 'HTTP round trip p95 (ms)', only(result.roundTripP95), ms));
      plumeOnly.push(
        row(title, 'first search after start: index built from disk (ms)', only(result.firstSearchMs), (v) =>
          v.toFixed(0),
        ),
      );
      plumeOnly.push(row(title, 'notes found per query (median)', only(result.hitsMedian), (v) => v.toFixed(0)));
      plumeOnly.push(row(title, 'server heap with the index (MB)', only(result.heapMb), (v) => v.toFixed(0)));
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }

  if (wanted('editor')) {
    // The editor's budget is absolute too: a frame is 16 ms whatever another product does.
    const webRoot = PLUME_EDITOR_WEB_ROOT ?? (await mkdtemp(join(tmpdir(), 'plume-bench-web-')));
    try {
      const bundle = PLUME_EDITOR_WEB_ROOT ? await weighWebApp(webRoot) : await buildWebApp(webRoot);
      log('7 · editor bundle', bundle);
      const only = (value: number) => ({ [PLUME.name]: [value] });
      const sizeTitle = '7 · editor page JavaScript';
      plumeOnly.push(
        row(
          sizeTitle,
          `gzipped (KB, ${bundle.files} file${bundle.files === 1 ? '' : 's'})`,
          only(bundle.gzipBytes / 1000),
          (v) => v.toFixed(1),
          {
            text: '≤ 250 KB',
            met: (p) => p <= 250,
          },
        ),
      );
      plumeOnly.push(row(sizeTitle, 'uncompressed (KB)', only(bundle.rawBytes / 1000), (v) => v.toFixed(0)));
      const server = await startTestServer({ webRoot });
      try {
        const result = await runEditorTyping(server);
        log('8 · typing', result);
        const title = `8 · typing in a ${NOTE_PAGES}-page note (${result.noteWords.toLocaleString('en')} words), ${TYPISTS} people typing`;
        plumeOnly.push(row(title, 'key → updated layout p50 (ms)', only(result.layoutP50), ms));
        plumeOnly.push(
          row(title, 'key → updated layout p95 (ms)', only(result.layoutP95), ms, {
            text: '< 16 ms',
            met: (p) => p < 16,
          }),
        );
        plumeOnly.push(row(title, 'key → next frame p50 (ms, vsync wait included)', only(result.frameP50), ms));
        plumeOnly.push(row(title, 'key → next frame p95 (ms, vsync wait included)', only(result.frameP95), ms));
        plumeOnly.push(row(title, 'remote edits shown while measuring', only(result.remoteEdits), (v) => v.toFixed(0)));
        // The same keys in a bare Tiptap page: what Blink and ProseMirror take before Plume adds anything.
        const bareTitle = `8b · the same keys in a bare Tiptap page (same schema and styles, no Yjs, alone)`;
        plumeOnly.push(row(bareTitle, 'key → updated layout p50 (ms)', only(result.bare.layoutP50), ms));
        plumeOnly.push(row(bareTitle, 'key → updated layout p95 (ms)', only(result.bare.layoutP95), ms));
        plumeOnly.push(
          row(bareTitle, 'key → next frame p50 (ms, vsync wait included)', only(result.bare.frameP50), ms),
        );
        plumeOnly.push(
          row(bareTitle, 'key → next frame p95 (ms, vsync wait included)', only(result.bare.frameP95), ms),
        );
      } finally {
        await server.dispose();
      }
    } finally {
      if (!PLUME_EDITOR_WEB_ROOT) await rm(webRoot, { recursive: true, force: true });
    }
  }

  if (wanted('pack')) {
    // A pack is rendered on demand: the budget holds from a server that has not started Chromium yet.
    const result = await runBriefingPack();
    log('9 · briefing pack', result);
    const only = (value: number) => ({ [PLUME.name]: [value] });
    const title = `9 · briefing pack, ${PACK_NOTES} notes, ${result.pages} pages, Chromium started cold`;
    plumeOnly.push(
      row(title, `request → whole PDF (ms, median of ${PACK_RUNS})`, only(result.medianMs), (v) => v.toFixed(0), {
        text: '< 3 s',
        met: (p) => p < 3000,
      }),
    );
    plumeOnly.push(row(title, 'PDF size (KB)', only(result.bytes / 1000), (v) => v.toFixed(0)));
  }

  const table = [
    ...(rows.length > 0 ? [renderTable(rows, PLUME.name, peers)] : []),
    ...(plumeOnly.length > 0 ? [renderTable(plumeOnly, PLUME.name, [])] : []),
  ].join('\n\n');
  const missed = Object.entries(incomplete).filter(([, count]) => count > 0);
  const seconds = Math.round((performance.now() - began) / 1000);
  process.stdout.write(`\n${table}\n\n${edits} measured edits; run took ${seconds} s.\n`);
  if (missed.length > 0) {
    process.stdout.write(`Edits not received by every client 1 s after the window: ${JSON.stringify(incomplete)}\n`);
  }
  if (!ONLY) await writeResults(table, { edits, incomplete, seconds, documentBytes, loadAtStart });
}

function rotate<T>(items: readonly T[], by: number): T[] {
  const offset = by % items.length;
  return [...items.slice(offset), ...items.slice(0, offset)];
}

function log(what: string, result: unknown): void {
  // Progress on stderr keeps stdout for the table.
  process.stderr.write(
    `${what}: ${JSON.stringify(result, (_key, value) => (typeof value === 'number' ? Number(value.toFixed(2)) : value))}\n`,
  );
}

async function versionOf(name: string): Promise<string> {
  // Every package named here is a direct dependency of the bench, linked under its node_modules.
  const manifest = await readFile(new URL(`./node_modules/${name}/package.json`, import.meta.url), 'utf8');
  return (JSON.parse(manifest) as { version: string }).version;
}

function plumeRevision(): string {
  const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
  const dirty = git('status', '--porcelain', '--', '../apps', '../packages') !== '';
  return `${git('rev-parse', '--short', 'HEAD')}${dirty ? ' + uncommitted changes' : ''}`;
}

async function writeResults(
  table: string,
  run: {
    edits: number;
    incomplete: Record<string, number>;
    seconds: number;
    documentBytes: number;
    loadAtStart: number;
  },
): Promise<void> {
  const v = Object.fromEntries(
    await Promise.all(
      ['yjs', 'y-protocols', 'ws', '@y/websocket-server', '@hocuspocus/server', '@hocuspocus/extension-database'].map(
        async (name) => [name, await versionOf(name)] as const,
      ),
    ),
  );
  const text = [
    '# Benchmark results',
    '',
    `Run with \`pnpm bench\` (about ${Math.ceil(run.seconds / 60)} minutes). Latest run: ${new Date().toISOString().slice(0, 10)}, Node ${process.versions.node}, 2 shared cores (1-minute load average ${run.loadAtStart.toFixed(2)} before the run), loopback.`,
    `Plume ${plumeRevision()}; @y/websocket-server ${v['@y/websocket-server']}; @hocuspocus/server ${v['@hocuspocus/server']}; yjs ${v.yjs}, y-protocols ${v['y-protocols']}, ws ${v.ws}.`,
    '',
    table,
    '',
    `Method: each server runs alone in its own child process (\`--expose-gc\`), restarted for every run, and is driven from the parent by raw-WebSocket clients that send real Yjs updates from their own small Y.Doc (20 % of a note's clients type 5 edits/s, each a unique marker) and never apply what they receive, only scan its bytes for markers; propagation is the time from an edit's send until the last other client of the note has it, over ${TYPING.measureMs / 1000} s after ${TYPING.warmUpMs / 1000} s of warm-up, median of ${ROUNDS} rounds in rotating order (${run.edits} edits measured in all); CPU is the server process's user+system time over the window divided by edits delivered to clients; cold load stores a history of 200,000 one-character inserts and 50,000 deletes (${Math.round(run.documentBytes / 1000)} KB as one update) through the server, restarts it, loads another stored note to warm the code, then times a new client from connect until it has the text and counts every byte sent to it in the following half second (median of 5 restarts); memory is heapUsed after forced GC, measured from a baseline taken after the notes exist and a warm-up batch of 200 was opened and closed, with every client typing one word; after closing, servers get 5 s to write and unload.`,
    '',
    'Persistence: Plume appends updates to its LevelDB store as they come (y-leveldb on classic-level; updates applied in one event-loop turn are merged into one write and one frame) and compacts a note when it unloads it; @y/websocket-server uses its built-in y-leveldb persistence (`YPERSISTENCE`, one write per update); Hocuspocus uses @hocuspocus/extension-database writing the whole document to one file per note, debounced (2 s, 10 s at most) and on unload.',
    'Caveats: @hocuspocus/server 4.x declares Node ≥ 22 and runs here on Node 20; none of the three negotiates permessage-deflate by default and the clients do not offer it, so no frame is compressed; with persistence on, both peers unload a note after its last connection, as Plume does.',
    ...(Object.values(run.incomplete).some((count) => count > 0)
      ? [`Edits not received by every client 1 s after the window: ${JSON.stringify(run.incomplete)}.`]
      : []),
    '',
  ].join('\n');
  await writeFile(new URL('./RESULTS.md', import.meta.url), text);
}

// Servers live in child processes; the runner exits once the table is written.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
