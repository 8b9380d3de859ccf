import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import type { HostReply, HostRequest, HostSample } from './host-protocol.ts';
import { DATA_DIR_ENV } from './host-protocol.ts';

/** A server host running in its own child process, so its CPU and memory are its own. */
export type ServerProcess = {
  readonly port: number;
  /** Samples the host's memory and CPU; with `gc`, after two forced collections. */
  measure(options: { gc: boolean }): Promise<HostSample>;
  /** Asks the server to shut down cleanly (writing its store) and waits for the process to exit. */
  stop(): Promise<void>;
  /** Stops this process and starts the same host on the same data directory. */
  restart(): Promise<ServerProcess>;
};

/** Forks `script` (a file under bench/servers) with `dataDir` and resolves once it listens. */
export async function startServerProcess(
  script: URL,
  dataDir: string,
  options: { cpuProfileDir?: string } = {},
): Promise<ServerProcess> {
  const profiling = options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
  const child = fork(script, [], {
    // tsx resolved here, so hosts start whatever the runner's working directory.
    execArgv: ['--expose-gc', '--import', import.meta.resolve('tsx'), ...profiling],
    env: { ...process.env, [DATA_DIR_ENV]: dataDir },
    // Servers announce themselves on stdout; the table is the only thing the runner prints there.
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = once(child, 'exit');
  const ready = await nextReply(child, 'ready');
  const server: ServerProcess = {
    port: ready.port,
    async measure({ gc }) {
      const reply = nextReply(child, 'measured');
      request(child, { type: 'measure', gc });
      const { memory, cpu } = await reply;
      return { memory, cpu };
    },
    async stop() {
      request(child, { type: 'stop' });
      await exited;
    },
    async restart() {
      await server.stop();
      return startServerProcess(script, dataDir, options);
    },
  };
  return server;
}

function request(child: ChildProcess, message: HostRequest): void {
  child.send(message);
}

function nextReply<T extends HostReply['type']>(
  child: ChildProcess,
  type: T,
): Promise<Extract<HostReply, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: HostReply) => {
      if (message.type !== type) return;
      cleanUp();
      resolve(message as Extract<HostReply, { type: T }>);
    };
    const onExit = (code: number | null) => {
      cleanUp();
      reject(new Error(`server host exited with code ${code} while the runner waited for "${type}"`));
    };
    const cleanUp = () => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}
