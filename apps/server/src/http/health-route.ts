import { randomUUID } from 'node:crypto';
import { unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

/** `GET /healthz`: 200 when the server can serve and write to its data directory, 503 otherwise. */
export function createHealthHandler(options: {
  dataDir: string;
  hasFailingWrites: () => boolean;
  logger: Logger;
}): RequestHandler {
  const { dataDir, hasFailingWrites, logger } = options;
  return async (_request, response) => {
    response.set('Cache-Control', 'no-store');
    if (hasFailingWrites()) {
      response.status(503).json({ status: 'failing', reason: 'some notes cannot be written to storage' });
      return;
    }
    // A real write: a full disk or a read-only mount passes a permission check but not this.
    const probe = join(dataDir, `.healthz-${randomUUID()}`);
    try {
      await writeFile(probe, 'ok');
      await unlink(probe);
    } catch (error) {
      logger.warn({ err: error }, 'health check cannot write to the data directory');
      response.status(503).json({ status: 'failing', reason: 'the data directory is not writable' });
      return;
    }
    response.json({ status: 'ok' });
  };
}
