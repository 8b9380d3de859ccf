import { fileURLToPath } from 'node:url';
import { StorageError } from '@plume/storage';
import pino from 'pino';
import { ConfigError, loadConfig } from '../config.ts';
import { CONTROL_SOCKET_NAME, openPlumeStores } from '../plume-stores.ts';
import { runCliCommand } from './cli-commands.ts';
import { sendControlCommand } from './control-socket.ts';

// The `plume` CLI: talks to the running server through its control socket, or, when none runs,
// opens the data directory itself (taking its lock, so no server starts meanwhile).
const defaults = {
  dataDir: fileURLToPath(new URL('../../../../data', import.meta.url)),
  webRoot: null,
};

async function main(): Promise<number> {
  // pnpm runs scripts from the package's directory; relative paths mean the host's.
  if (process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);
  const args = await withPasswordFromStdin(process.argv.slice(2));
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env, defaults);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`plume: ${error.message}\n`);
    return 78;
  }
  const socketPath = `${config.dataDir}/${CONTROL_SOCKET_NAME}`;
  const remote = await sendControlCommand(socketPath, args);
  if (remote) {
    (remote.exitCode === 0 ? process.stdout : process.stderr).write(remote.output);
    return remote.exitCode;
  }
  const logger = pino({ level: 'warn' }, pino.destination(2));
  let stores: Awaited<ReturnType<typeof openPlumeStores>>;
  try {
    stores = await openPlumeStores(config, logger);
  } catch (error) {
    if (!(error instanceof StorageError)) throw error;
    process.stderr.write(`plume: ${error.message}\n`);
    return error.code === 'locked' ? 75 : 74;
  }
  try {
    const origin =
      config.publicUrl?.origin ??
      `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`;
    const result = await runCliCommand({ auth: stores.auth, notes: stores.notes, origin }, args);
    (result.exitCode === 0 ? process.stdout : process.stderr).write(result.output);
    return result.exitCode;
  } finally {
    await stores.close();
  }
}

// A password typed on the command line would stay in the shell's history and show in `ps`.
async function withPasswordFromStdin(args: string[]): Promise<string[]> {
  const flag = args.indexOf('--password-stdin');
  if (flag === -1) return args;
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const password = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  return [...args.slice(0, flag), `--password=${password}`, ...args.slice(flag + 1)];
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`plume: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
