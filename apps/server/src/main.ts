import { fileURLToPath } from 'node:url';
import { StorageError } from '@plume/storage';
import pino from 'pino';
import { ConfigError, loadConfig } from './config.ts';
import { startPlumeServer } from './plume-server.ts';

// Composition root: config -> logger -> stores -> rooms -> http -> listen.
const defaults = {
  dataDir: fileURLToPath(new URL('../../../data', import.meta.url)),
  webRoot: fileURLToPath(new URL('../../web/dist', import.meta.url)),
};

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env, defaults);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`Plume cannot start: ${error.message}\n`);
    process.exit(78);
  }
  const logger = pino({ level: config.logLevel, base: { service: 'plume' } });

  let server: Awaited<ReturnType<typeof startPlumeServer>>;
  try {
    server = await startPlumeServer(config, logger);
  } catch (error) {
    if (error instanceof StorageError) {
      logger.fatal({ code: error.code, dataDir: config.dataDir }, error.message);
      process.exit(error.code === 'locked' ? 75 : 74);
    }
    throw error;
  }
  logger.info({ url: server.url, dataDir: config.dataDir }, `Plume is ready at ${server.url}`);
  if (server.setupUrl) {
    // Printed to the host's terminal only: whoever opens it first becomes the admin.
    process.stdout.write(
      `\nPlume has no administrator yet. Open this link to create the first one (it works once):\n  ${server.setupUrl}\n` +
        `or run: pnpm plume user add <email> --name "<name>" --admin\n\n`,
    );
  }

  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down: closing connections and writing every note');
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.fatal({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`Plume failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
