import type { Contender } from '../servers/contenders.ts';
import { type BenchClient, connectBenchClient } from '../wire/bench-client.ts';

/** Connections opened at once while a scenario fills its rooms; more only queue in the server. */
const CONNECT_BATCH = 50;

/** Yjs client ids must differ between live connections; a random start keeps runs apart too. */
let nextClientId = 1 + Math.floor(Math.random() * 1_000_000_000);

/** One connected client and where it sits: its room, and its place among that room's clients. */
export type PlacedClient = { client: BenchClient; roomIndex: number; seat: number };

/**
 * Connects `perRoom` clients to each of `rooms` and waits until all are synced. `onFrame` gets
 * every frame with the receiving client's room and seat.
 */
export async function connectClients(options: {
  contender: Contender;
  port: number;
  rooms: readonly string[];
  perRoom: number;
  onFrame?: (roomIndex: number, seat: number, frame: Buffer, at: number) => void;
}): Promise<PlacedClient[]> {
  const { contender, port, rooms, perRoom, onFrame } = options;
  const places = rooms.flatMap((_, roomIndex) => Array.from({ length: perRoom }, (_, seat) => ({ roomIndex, seat })));
  const placed: PlacedClient[] = [];
  for (let start = 0; start < places.length; start += CONNECT_BATCH) {
    const batch = places.slice(start, start + CONNECT_BATCH).map(({ roomIndex, seat }) => {
      const client = connectBenchClient({
        wire: contender.wire,
        port,
        room: rooms[roomIndex] ?? '',
        clientId: nextClientId++,
        onFrame: onFrame && ((frame, at) => onFrame(roomIndex, seat, frame, at)),
      });
      return { client, roomIndex, seat };
    });
    await Promise.all(batch.map(({ client }) => client.synced));
    placed.push(...batch);
  }
  return placed;
}

/** Closes every client, a batch at a time, and waits for the sockets to close. */
export async function closeClients(clients: readonly PlacedClient[]): Promise<void> {
  for (let start = 0; start < clients.length; start += CONNECT_BATCH) {
    await Promise.all(clients.slice(start, start + CONNECT_BATCH).map(({ client }) => client.close()));
  }
}
