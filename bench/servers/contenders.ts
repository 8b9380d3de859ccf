import { randomUUID } from 'node:crypto';
import { createTestNote, signInTestAccount } from '@plume/server/testing';
import { createHocuspocusWire } from '../wire/hocuspocus-wire.ts';
import type { Wire } from '../wire/wire.ts';
import { createYWebsocketWire } from '../wire/y-websocket-wire.ts';
import { PLUME_BENCH_ACCOUNT } from './bench-account.ts';

/** A server the bench drives: its host script, its wire framing, and how it gets rooms to serve. */
export type Contender = {
  /** Short column name in the results table. */
  readonly name: string;
  /** The host script under bench/servers, forked once per scenario run. */
  readonly script: URL;
  readonly wire: Wire;
  /** Returns `count` room names the server accepts connections to (Plume must create its notes). */
  createRooms(port: number, count: number): Promise<string[]>;
};

/** Plume's own server, whose notes exist only once created through its REST API. */
export const PLUME: Contender = {
  name: 'Plume',
  script: new URL('./plume-host.ts', import.meta.url),
  wire: createYWebsocketWire('/collab'),
  async createRooms(port, count) {
    const url = `http://127.0.0.1:${port}`;
    const cookie = await signInTestAccount({ url }, PLUME_BENCH_ACCOUNT.email, PLUME_BENCH_ACCOUNT.password);
    // Later connections, to this server or to its restart on the same data, carry this session.
    this.wire.headers.cookie = cookie;
    const ids: string[] = [];
    // A few requests at a time: the metadata store writes its file once per note.
    for (let start = 0; start < count; start += 8) {
      const batch = Array.from({ length: Math.min(8, count - start) }, (_, i) =>
        createTestNote({ url }, `Bench ${start + i}`, cookie),
      );
      ids.push(...(await Promise.all(batch)));
    }
    return ids;
  },
};

/** The plain y-websocket server: any URL path is a room. */
export const Y_WEBSOCKET: Contender = {
  name: 'y-websocket-server',
  script: new URL('./y-websocket-host.ts', import.meta.url),
  wire: createYWebsocketWire(''),
  createRooms: async (_port, count) => freshNames(count),
};

/** Hocuspocus: any document name is accepted when no onAuthenticate hook is set. */
export const HOCUSPOCUS: Contender = {
  name: 'Hocuspocus',
  script: new URL('./hocuspocus-host.ts', import.meta.url),
  wire: createHocuspocusWire(),
  createRooms: async (_port, count) => freshNames(count),
};

/** Every contender, Plume first; the peers follow in the order of the results table. */
export const CONTENDERS: readonly Contender[] = [PLUME, Y_WEBSOCKET, HOCUSPOCUS];

function freshNames(count: number): string[] {
  const run = randomUUID().slice(0, 8);
  return Array.from({ length: count }, (_, i) => `bench-${run}-${i}`);
}
