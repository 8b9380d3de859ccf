import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** The server's Prometheus metrics, in a registry of their own (no global state). */
export type Metrics = {
  readonly registry: Registry;
  /** Open WebSocket connections to the sync endpoint. */
  readonly connections: Gauge;
  /** Notes whose document is in memory, loading and unloading ones included. */
  readonly openDocuments: Gauge;
  /** Messages received from clients, by y-websocket message type. */
  readonly messagesReceived: Counter<'type'>;
  /** Messages sent to clients carrying document updates. */
  readonly messagesSent: Counter;
  /** Messages refused by the gate, by close code name. */
  readonly rejectedMessages: Counter<'reason'>;
  /** Connections dropped because they did not read what was sent to them. */
  readonly slowReadersDropped: Counter;
  /** Updates sent by connections that may only read, dropped unread. */
  readonly readOnlyUpdatesDropped: Counter;
  /** Time to write one batch of updates to the document store, in seconds. */
  readonly storeWriteSeconds: Histogram;
  /** Failed attempts at writing to the document store. */
  readonly storeErrors: Counter;
};

/** Creates the metrics, with Node's process metrics (CPU, memory, event loop lag) beside them. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'plume_' });
  const registers = [registry];
  return {
    registry,
    connections: new Gauge({ name: 'plume_connections', help: 'Open sync connections', registers }),
    openDocuments: new Gauge({ name: 'plume_open_documents', help: 'Note documents in memory', registers }),
    messagesReceived: new Counter({
      name: 'plume_messages_received_total',
      help: 'Messages received from clients, by type',
      labelNames: ['type'],
      registers,
    }),
    messagesSent: new Counter({
      name: 'plume_update_messages_sent_total',
      help: 'Update messages sent to clients',
      registers,
    }),
    rejectedMessages: new Counter({
      name: 'plume_rejected_messages_total',
      help: 'Messages refused by the gate, by reason',
      labelNames: ['reason'],
      registers,
    }),
    slowReadersDropped: new Counter({
      name: 'plume_slow_readers_dropped_total',
      help: 'Connections dropped for not reading their messages',
      registers,
    }),
    readOnlyUpdatesDropped: new Counter({
      name: 'plume_read_only_updates_dropped_total',
      help: 'Updates from connections that may only read, dropped unread',
      registers,
    }),
    storeWriteSeconds: new Histogram({
      name: 'plume_store_write_seconds',
      help: 'Time to write a batch of updates to the document store',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers,
    }),
    storeErrors: new Counter({
      name: 'plume_store_errors_total',
      help: 'Failed writes to the document store',
      registers,
    }),
  };
}
