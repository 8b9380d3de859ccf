/** IPC messages between the bench runner and a server host process, tagged on `type`. */

/** What the runner asks of a host. */
export type HostRequest =
  | { type: 'measure'; gc: boolean }
  /** Stops the server as its operators would, writing everything to its store, then exits (no reply). */
  | { type: 'stop' };

/** Memory and CPU of a host process at one instant, as Node reports them. */
export type HostSample = { memory: NodeJS.MemoryUsage; cpu: NodeJS.CpuUsage };

/** What a host tells the runner. */
export type HostReply = { type: 'ready'; port: number } | ({ type: 'measured' } & HostSample);

/** Environment variable carrying the host's data directory (kept across restarts by the runner). */
export const DATA_DIR_ENV = 'BENCH_DATA_DIR';
