import type { MetadataStore } from '@plume/storage';
import express, { type ErrorRequestHandler, type Express } from 'express';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { sendApiError } from './api-error.ts';
import { createHealthHandler } from './health-route.ts';
import { createMetricsHandler } from './metrics-route.ts';
import { createNotesRouter } from './notes-routes.ts';
import { securityHeaders } from './security-headers.ts';
import { createWebAppRouter } from './web-app.ts';

/** Largest JSON body the API reads. */
const JSON_BODY_LIMIT = '16kb';

/** Builds the Express app: health check, JSON API and the web app, with errors as JSON. */
export function createApp(options: {
  notes: MetadataStore;
  dataDir: string;
  webRoot: string | null;
  hasFailingWrites: () => boolean;
  metrics: { registry: Registry; token: string | null };
  logger: Logger;
}): Express {
  const { notes, dataDir, webRoot, hasFailingWrites, metrics, logger } = options;
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders);

  app.get('/healthz', createHealthHandler({ dataDir, hasFailingWrites, logger }));
  app.get('/metrics', createMetricsHandler(metrics));

  const api = express.Router();
  api.use(express.json({ limit: JSON_BODY_LIMIT }));
  api.use('/notes', createNotesRouter(notes));
  api.use((_request, response) => sendApiError(response, 'notFound'));
  app.use('/api', api);

  app.use(createWebAppRouter(webRoot));
  app.use((_request, response) => {
    response.status(404).type('text/plain').send('Not found.\n');
  });

  const handleError: ErrorRequestHandler = (error: { type?: string; status?: number }, request, response, _next) => {
    if (error.type === 'entity.parse.failed') {
      sendApiError(response, 'invalidBody', 'The request body is not valid JSON.');
    } else if (error.type === 'entity.too.large') {
      sendApiError(response, 'payloadTooLarge');
    } else if (error.status === 404) {
      sendApiError(response, 'notFound');
    } else {
      logger.error({ err: error, method: request.method, url: request.originalUrl }, 'request failed');
      sendApiError(response, 'internalError');
    }
  };
  app.use(handleError);
  return app;
}
