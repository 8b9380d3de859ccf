import type { Contender } from '../servers/contenders.ts';
import type { ServerProcess } from '../servers/server-process.ts';
import { sleep } from '../stats.ts';
import { connectBenchClient } from '../wire/bench-client.ts';
import { createLongHistory, type LongHistory } from './long-history.ts';

/** One cold load: the time until the client had the document, and every byte the server sent it. */
export type ColdLoadSample = { ms: number; bytes: number };

/** Cold loads per server; each one follows a restart, so the note is never in memory before it. */
const COLD_LOADS = 5;
/** How long bytes are still counted after the client has the document: late duplicates count too. */
const LATE_BYTES_MS = 500;

/** Pause after the warm-up load, so the measured one has the server to itself. */
const SETTLE_MS = 1500;

let history: LongHistory | null = null;

/** The long history every server stores, built once per run. */
export function longHistory(): LongHistory {
  history ??= createLongHistory();
  return history;
}

/**
 * Stores the long history through the server's own sync path, restarts the server so the note is
 * only in its store, then times a new client from connecting until it has the whole document.
 * Returns the samples and the server left running (the caller stops it).
 */
export async function runColdLoad(
  contender: Contender,
  first: ServerProcess,
): Promise<{ samples: ColdLoadSample[]; server: ServerProcess }> {
  // The warm-up note is loaded first after each restart, so the measured load runs on warm code,
  // as in a server that has been up for a while, and only the note itself is cold.
  const [warmUpRoom, room] = await contender.createRooms(first.port, 2);
  if (warmUpRoom === undefined || room === undefined) throw new Error('no room to load');
  await store(contender, first.port, warmUpRoom);
  await store(contender, first.port, room);
  let server = first;

  const samples: ColdLoadSample[] = [];
  for (let i = 0; i < COLD_LOADS; i++) {
    server = await server.restart();
    await load(contender, server.port, warmUpRoom, 1_000_000_200 + i);
    // Whatever a server does once the warm-up note's client left (storing, compacting) ends first.
    await sleep(SETTLE_MS);
    samples.push(await load(contender, server.port, room, 1_000_000_100 + i));
  }
  return { samples, server };
}

/** Sends the long history to `room` through one client and waits until the server applied it. */
async function store(contender: Contender, port: number, room: string): Promise<void> {
  const seeder = connectBenchClient({ wire: contender.wire, port, room, clientId: 1_000_000_007 });
  await seeder.synced;
  for (const chunk of longHistory().chunks) {
    seeder.sendUpdate(chunk);
    // Spaced out, so a per-connection rate limit sees an ordinary client.
    await sleep(20);
  }
  await seeder.roundTrip();
  await seeder.close();
}

/** Connects a new client to `room` and times it until it has the whole document. */
async function load(contender: Contender, port: number, room: string, clientId: number): Promise<ColdLoadSample> {
  const marker = Buffer.from(longHistory().endMarker);
  let hasDocument = false;
  let done: () => void = () => {};
  const loaded = new Promise<void>((resolve) => {
    done = resolve;
  });
  const start = performance.now();
  const client = connectBenchClient({
    wire: contender.wire,
    port,
    room,
    clientId,
    onFrame: (frame) => {
      if (!hasDocument && frame.includes(marker)) {
        hasDocument = true;
        done();
      }
    },
  });
  // Synced and holding the text: one server may answer the handshake before its store has loaded.
  await Promise.all([client.synced, loaded]);
  const ms = performance.now() - start;
  await sleep(LATE_BYTES_MS);
  const sample = { ms, bytes: client.bytesReceived };
  await client.close();
  return sample;
}
