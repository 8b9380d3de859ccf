import type { Contender } from '../servers/contenders.ts';
import type { ServerProcess } from '../servers/server-process.ts';
import { sleep } from '../stats.ts';
import { closeClients, connectClients } from './client-pool.ts';

/** Heap figures of the idle-notes scenario, in bytes. */
export type IdleMemoryResult = {
  /** Heap growth per open note, each with one client that typed one word. */
  perOpenNote: number;
  /** Heap left above the baseline once every client has gone. */
  afterClose: number;
};

/** Notes opened at once, with one client each. */
export const IDLE_NOTES = 2000;
/** Notes opened and closed before the baseline, so code and caches warmed by first use are not counted. */
const WARM_UP_NOTES = 200;
/** Time given to servers to write and unload after the last client left (Plume flushes then unloads). */
const UNLOAD_WAIT_MS = 5000;
/** Time given to debounced stores (Hocuspocus waits 2 s) before the open-notes sample. */
const SETTLE_MS = 3000;

/**
 * Opens `IDLE_NOTES` notes with one client each and samples the server's heap after forced GC:
 * before (the notes exist, none is open, a warm-up batch has been opened and closed), with all
 * open, and after every client closed.
 */
export async function runIdleMemory(contender: Contender, server: ServerProcess): Promise<IdleMemoryResult> {
  const rooms = await contender.createRooms(server.port, WARM_UP_NOTES + IDLE_NOTES);
  await openAndClose(contender, server, rooms.slice(0, WARM_UP_NOTES));
  const baseline = await server.measure({ gc: true });
  const clients = await connectClients({ contender, port: server.port, rooms: rooms.slice(WARM_UP_NOTES), perRoom: 1 });
  for (const { client } of clients) client.type('Bonjour');
  await sleep(SETTLE_MS);
  const open = await server.measure({ gc: true });
  await closeClients(clients);
  await sleep(UNLOAD_WAIT_MS);
  const closed = await server.measure({ gc: true });
  return {
    perOpenNote: (open.memory.heapUsed - baseline.memory.heapUsed) / IDLE_NOTES,
    afterClose: closed.memory.heapUsed - baseline.memory.heapUsed,
  };
}

async function openAndClose(contender: Contender, server: ServerProcess, rooms: readonly string[]): Promise<void> {
  const clients = await connectClients({ contender, port: server.port, rooms, perRoom: 1 });
  for (const { client } of clients) client.type('Bonjour');
  await sleep(SETTLE_MS);
  await closeClients(clients);
  await sleep(UNLOAD_WAIT_MS);
}
