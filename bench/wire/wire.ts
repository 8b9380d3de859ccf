/** How a server frames the y-websocket sync protocol on its WebSocket, seen from a client. */
export type Wire = {
  /** The WebSocket URL of `room` on a server listening on loopback `port`. */
  url(port: number, room: string): string;
  /** Messages a client sends right after the socket opens, before its first sync step. */
  hello(room: string): Uint8Array[];
  /** Frames a y-websocket message (message type, then payload) for `room`. */
  encode(room: string, message: Uint8Array): Uint8Array;
  /** Where the y-websocket message starts inside a received frame. */
  bodyOffset(frame: Uint8Array): number;
  /** Top-level message types that carry sync steps and updates. */
  readonly syncTypes: readonly number[];
  /** Headers every connection sends, such as the session cookie of a server that requires one. */
  readonly headers: Record<string, string>;
};
