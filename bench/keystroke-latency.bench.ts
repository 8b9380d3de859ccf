// Keystroke latency: time from one client's single-character insert to its arrival in a second
// client's document, through Plume and through the ecosystem's reference server, in one run.
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { connectTestClient, createTestNote, startTestServer, type TestClient } from '@plume/server/testing';
import { setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';

const ROUNDS = 5;
const KEYSTROKES_PER_ROUND = 300;
const WARM_UP_KEYSTROKES = 100;

type Contender = { name: string; connect(): Promise<[TestClient, TestClient]>; stop(): Promise<void> };

async function startPlume(): Promise<Contender> {
  const server = await startTestServer();
  return {
    name: 'Plume (LevelDB, every update written)',
    async connect() {
      const noteId = await createTestNote(server);
      return pair(server.wsUrl, noteId);
    },
    stop: () => server.dispose(),
  };
}

async function startReference(): Promise<Contender> {
  const http = createServer();
  const sockets = new WebSocketServer({ server: http });
  sockets.on('connection', (socket, request) => setupWSConnection(socket, request));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  let room = 0;
  return {
    name: '@y/websocket-server 0.1.1 (in memory)',
    connect: () => pair(`ws://127.0.0.1:${port}`, `room${room++}`),
    async stop() {
      for (const client of sockets.clients) client.terminate();
      await new Promise((resolve) => http.close(resolve));
    },
  };
}

async function pair(wsUrl: string, noteId: string): Promise<[TestClient, TestClient]> {
  // The reference server serves any path, so the same client helper reaches both.
  const a = connectTestClient(wsUrl, noteId);
  const b = connectTestClient(wsUrl, noteId);
  await Promise.all([a.synced(), b.synced()]);
  return [a, b];
}

async function measure(writer: TestClient, reader: TestClient, keystrokes: number): Promise<number[]> {
  const samples: number[] = [];
  const text = writer.doc.getText('default');
  for (let i = 0; i < keystrokes; i++) {
    const arrived = new Promise<void>((resolve) => reader.doc.once('update', () => resolve()));
    const start = performance.now();
    text.insert(text.length, 'x');
    await arrived;
    samples.push(performance.now() - start);
  }
  return samples;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

async function main(): Promise<void> {
  const contenders = [await startPlume(), await startReference()];
  const samples = new Map<string, number[]>(contenders.map((c) => [c.name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    // Contenders alternate round by round, so load from the other core hits both alike.
    for (const contender of round % 2 === 0 ? contenders : [...contenders].reverse()) {
      const [a, b] = await contender.connect();
      await measure(a, b, WARM_UP_KEYSTROKES);
      samples.get(contender.name)?.push(...(await measure(a, b, KEYSTROKES_PER_ROUND)));
      a.destroy();
      b.destroy();
    }
  }
  for (const contender of contenders) await contender.stop();

  const rows = contenders.map(({ name }) => {
    const sorted = [...(samples.get(name) ?? [])].sort((x, y) => x - y);
    return {
      name,
      n: sorted.length,
      median: quantile(sorted, 0.5),
      p95: quantile(sorted, 0.95),
      p99: quantile(sorted, 0.99),
    };
  });
  const [plume, reference] = rows;
  if (!plume || !reference) throw new Error('both contenders must have run');
  const table = [
    '| server | keystrokes | median (ms) | p95 (ms) | p99 (ms) |',
    '|---|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.name} | ${r.n} | ${r.median.toFixed(3)} | ${r.p95.toFixed(3)} | ${r.p99.toFixed(3)} |`),
    '',
    `Ratio Plume / reference: median ${(plume.median / reference.median).toFixed(2)}, p95 ${(plume.p95 / reference.p95).toFixed(2)}.`,
  ].join('\n');
  process.stdout.write(`${table}\n`);
  await writeResults(table);
}

async function writeResults(table: string): Promise<void> {
  const resultsPath = new URL('./RESULTS.md', import.meta.url);
  const yjsVersion = JSON.parse(
    await readFile(createRequire(import.meta.url).resolve('yjs/package.json'), 'utf8'),
  ).version;
  const section = [
    '## Keystroke latency',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on Node ${process.versions.node}, yjs ${yjsVersion}, y-websocket 3 clients, loopback, 2 shared cores.`,
    `${ROUNDS} alternating rounds of ${KEYSTROKES_PER_ROUND} single-character inserts after ${WARM_UP_KEYSTROKES} warm-up ones; each insert waits for its arrival in the second client.`,
    'Clients and servers share one Node process: the figures are the server path plus loopback, not network latency.',
    '',
    table,
    '',
  ].join('\n');
  await writeFile(resultsPath, `# Benchmark results\n\nRun with \`pnpm bench\`. Latest run:\n\n${section}`);
}

// The reference server keeps timers for its rooms forever; the run ends when the table is written.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
