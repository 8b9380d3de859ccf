import type { Wire } from './wire.ts';

/** The plain y-websocket framing: one message per frame, the room named by the URL path after `pathPrefix`. */
export function createYWebsocketWire(pathPrefix: string): Wire {
  return {
    url: (port, room) => `ws://127.0.0.1:${port}${pathPrefix}/${room}`,
    hello: () => [],
    encode: (_room, message) => message,
    bodyOffset: () => 0,
    syncTypes: [0],
    headers: {},
  };
}
