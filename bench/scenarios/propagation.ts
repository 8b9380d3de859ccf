import type { Contender } from '../servers/contenders.ts';
import type { ServerProcess } from '../servers/server-process.ts';
import { quantile, sleep } from '../stats.ts';
import { closeClients, connectClients } from './client-pool.ts';

/** Shape of one propagation scenario: rooms, clients in each, and how hard some of them type. */
export type PropagationLoad = {
  notes: number;
  clientsPerNote: number;
  /** Share of each note's clients that type (at least one). */
  typingShare: number;
  /** Edits per second of each typing client. */
  opsPerSecond: number;
  warmUpMs: number;
  measureMs: number;
};

/** One run's figures: latencies in ms, CPU in microseconds of server time per delivered update. */
export type PropagationResult = {
  p50: number;
  p95: number;
  /** Edits sent in the window that every other client of the note received. */
  edits: number;
  /** Edits sent in the window that some client had not received a second after the window. */
  incomplete: number;
  cpuPerDeliveryUs: number;
};

// Markers are `~E<edit id>~`: ASCII, so a Yjs update carries them as contiguous bytes.
const MARKER_PREFIX = Buffer.from('~E');
const TILDE = 0x7e;
const ZERO = 0x30;
const NINE = 0x39;

type Edit = { sentAt: number; roomIndex: number; missing: number; latest: number; seen: Uint8Array };

/**
 * Every typing client inserts a unique marker at a steady rate; every other client of the note
 * scans its frames for markers. An edit's propagation is its latest arrival minus its send time.
 */
export async function runPropagation(
  contender: Contender,
  server: ServerProcess,
  load: PropagationLoad,
): Promise<PropagationResult> {
  const rooms = await contender.createRooms(server.port, load.notes);
  const edits = new Map<number, Edit>();
  let window = { start: Number.POSITIVE_INFINITY, end: Number.NEGATIVE_INFINITY };
  let deliveries = 0;

  const receive = (roomIndex: number, seat: number, frame: Buffer, at: number) => {
    for (let i = frame.indexOf(MARKER_PREFIX); i !== -1; i = frame.indexOf(MARKER_PREFIX, i + 2)) {
      let id = 0;
      let j = i + 2;
      for (let byte = frame[j]; byte !== undefined && byte >= ZERO && byte <= NINE; byte = frame[++j]) {
        id = id * 10 + (byte - ZERO);
      }
      const edit = frame[j] === TILDE ? edits.get(id) : undefined;
      // Unknown ids are warm-up edits or marker-like bytes elsewhere in a frame.
      if (!edit || edit.roomIndex !== roomIndex || edit.seen[seat] === 1) continue;
      edit.seen[seat] = 1;
      edit.missing--;
      edit.latest = Math.max(edit.latest, at);
      if (at >= window.start && at <= window.end) deliveries++;
    }
  };
  const clients = await connectClients({
    contender,
    port: server.port,
    rooms,
    perRoom: load.clientsPerNote,
    onFrame: receive,
  });

  const typistsPerNote = Math.max(1, Math.round(load.clientsPerNote * load.typingShare));
  const typists = clients.filter(({ seat }) => seat < typistsPerNote);
  let nextEditId = 1;
  const periodMs = 1000 / load.opsPerSecond;
  const timers: NodeJS.Timeout[] = [];
  for (const { client, roomIndex, seat } of typists) {
    // Random phases, so edits arrive spread over time as people's keystrokes do.
    const start = setTimeout(() => {
      const type = () => {
        const id = nextEditId++;
        const seen = new Uint8Array(load.clientsPerNote);
        seen[seat] = 1;
        edits.set(id, { sentAt: performance.now(), roomIndex, missing: load.clientsPerNote - 1, latest: 0, seen });
        client.type(`~E${id}~`);
      };
      type();
      timers.push(setInterval(type, periodMs));
    }, Math.random() * periodMs);
    timers.push(start);
  }

  await sleep(load.warmUpMs);
  const before = await server.measure({ gc: false });
  window = { start: performance.now(), end: Number.POSITIVE_INFINITY };
  const firstMeasured = nextEditId;
  await sleep(load.measureMs);
  window.end = performance.now();
  const after = await server.measure({ gc: false });
  const lastMeasured = nextEditId;
  for (const timer of timers) clearTimeout(timer);
  // Edits sent near the end of the window get a second to arrive.
  await sleep(1000);

  const latencies: number[] = [];
  let incomplete = 0;
  for (let id = firstMeasured; id < lastMeasured; id++) {
    const edit = edits.get(id);
    if (!edit) continue;
    if (edit.missing === 0) latencies.push(edit.latest - edit.sentAt);
    else incomplete++;
  }
  await closeClients(clients);
  const cpuUs = after.cpu.user + after.cpu.system - (before.cpu.user + before.cpu.system);
  return {
    p50: quantile(latencies, 0.5),
    p95: quantile(latencies, 0.95),
    edits: latencies.length,
    incomplete,
    cpuPerDeliveryUs: deliveries > 0 ? cpuUs / deliveries : Number.NaN,
  };
}
