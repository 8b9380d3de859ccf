import type { HostReply, HostRequest } from './host-protocol.ts';
import { DATA_DIR_ENV } from './host-protocol.ts';

/** A server started by a host script: its port and how to stop it with everything written. */
export type HostedServer = { port: number; stop(): Promise<void> };

/** Reads the data directory the runner gave this host; throws when started by hand without one. */
export function hostDataDir(): string {
  const dir = process.env[DATA_DIR_ENV];
  if (!dir) throw new Error(`${DATA_DIR_ENV} must name the server's data directory`);
  return dir;
}

/** Starts a server inside a host process and answers the runner's IPC requests until told to stop. */
export async function runHost(start: () => Promise<HostedServer>): Promise<void> {
  const send = process.send?.bind(process);
  if (!send) throw new Error('a host script runs as a child_process.fork child, with an IPC channel');
  const reply = (message: HostReply) => send(message);
  const server = await start();
  // A runner that died must not leave servers behind: losing the channel ends the host.
  process.on('disconnect', () => process.exit(0));
  process.on('message', (request: HostRequest) => {
    if (request.type === 'measure') {
      // Two passes: the first can leave finalizers whose memory the second frees.
      if (request.gc) for (let i = 0; i < 2; i++) collectGarbage();
      reply({ type: 'measured', memory: process.memoryUsage(), cpu: process.cpuUsage() });
    } else {
      server.stop().then(
        () => {
          // Servers keep timers (pings, debouncers) alive; the data is written, so leave.
          process.exit(0);
        },
        (error: unknown) => {
          console.error(error);
          process.exit(1);
        },
      );
    }
  });
  reply({ type: 'ready', port: server.port });
}

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('host processes run with --expose-gc');
  gc();
}
