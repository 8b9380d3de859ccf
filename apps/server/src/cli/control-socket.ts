import { chmod, rm } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import type { Logger } from 'pino';
import { type CliContext, type CliResult, runCliCommand } from './cli-commands.ts';

/** Largest command the control socket reads, in bytes. */
const MAX_COMMAND_BYTES = 64 * 1024;

/**
 * Lets the `plume` CLI act inside a running server: a Unix socket in the data directory, readable
 * only by the server's user, so that whoever may read the data may administer it, and nobody else.
 * Commands run on the server's own stores, so nothing is written behind its back.
 */
export async function listenOnControlSocket(options: {
  path: string;
  context: CliContext;
  logger: Logger;
}): Promise<{ close(): Promise<void> }> {
  const { path, context, logger } = options;
  // The server holds the data directory's lock, so a socket file left here is a dead server's.
  await rm(path, { force: true });
  const server: Server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    let size = 0;
    incoming.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_COMMAND_BYTES) incoming.destroy();
      else chunks.push(chunk);
    });
    incoming.on('end', () => {
      let args: unknown;
      try {
        args = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch (error) {
        if (!(error instanceof SyntaxError)) throw error;
      }
      if (!Array.isArray(args) || !args.every((arg) => typeof arg === 'string')) {
        response
          .writeHead(400)
          .end(JSON.stringify({ output: 'The command must be a JSON array of strings.\n', exitCode: 2 }));
        return;
      }
      runCliCommand(context, args).then(
        (result) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result)),
        (error: unknown) => {
          logger.error({ err: error, command: args }, 'a CLI command failed');
          response
            .writeHead(500)
            .end(JSON.stringify({ output: 'The command failed; see the server log.\n', exitCode: 1 }));
        },
      );
    });
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(path, () => resolve());
    });
  } catch (error) {
    // A data directory too deep for a socket path still serves notes; the CLI then says the
    // directory is in use, and the host stops the server to run it.
    logger.warn({ err: error, path }, 'the CLI control socket could not be opened');
    return { close: async () => undefined };
  }
  await chmod(path, 0o600);
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Sends a command to a running server's control socket; null when no server listens there. */
export function sendControlCommand(path: string, args: readonly string[]): Promise<CliResult | null> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ socketPath: path, method: 'POST', path: '/' }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as CliResult);
        } catch (error) {
          reject(error);
        }
      });
    });
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      // No socket, or one left by a server that is gone: the CLI opens the stores itself.
      if (error.code === 'ENOENT' || error.code === 'ECONNREFUSED') resolve(null);
      else reject(error);
    });
    outgoing.end(JSON.stringify(args));
  });
}
