import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SERVER_DIR = fileURLToPath(new URL('../../apps/server', import.meta.url));

/** A Plume server started the way hosts start it: its own process, configured by environment. */
export type PlumeProcess = {
  readonly child: ChildProcess;
  /** Resolves with the server's URL once it logs that it is ready; rejects if it exits first. */
  readonly ready: Promise<string>;
  /** Resolves with the exit code (or signal) and everything the process printed. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>;
};

/** Spawns `apps/server/src/main.ts` on a free port with the given data directory. */
export function spawnPlume(dataDir: string): PlumeProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal, output }));
  });
  const ready = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /"url":"(http:\/\/[^"]+)".*Plume is ready/.exec(output)?.[1];
      if (url) resolve(url);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then(({ code }) => reject(new Error(`Plume exited with ${code} before it was ready:\n${output}`)));
  });
  // Readiness is awaited by the tests that need it; the others only look at the exit.
  ready.catch(() => undefined);
  return { child, ready, exited };
}

/** Runs the `plume` CLI the way a host does, on a data directory, feeding `stdin` if given. */
export function runPlumeCli(
  dataDir: string,
  args: readonly string[],
  stdin?: string,
): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['bin/plume.js', ...args], {
    cwd: SERVER_DIR,
    env: { ...process.env, DATA_DIR: dataDir, INIT_CWD: SERVER_DIR },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stdin.end(stdin ?? '');
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}
