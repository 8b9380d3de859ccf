import express, { type ErrorRequestHandler, type Express } from 'express';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { Auth } from '../auth/create-auth.ts';
import type { PdfRenderer } from '../pdf/chromium-renderer.ts';
import { RefusalError } from '../refusal-error.ts';
import type { RoomRegistry } from '../sync/room-registry.ts';
import type { Workspace } from '../workspace/create-workspace.ts';
import { createAdminRouter } from './admin-routes.ts';
import { sendApiError } from './api-error.ts';
import { createAuthRouter } from './auth-routes.ts';
import { createEventsRouter } from './events-routes.ts';
import { createExportRouter } from './export-routes.ts';
import { createHealthHandler } from './health-route.ts';
import { createImportRouter } from './import-routes.ts';
import { createMetricsHandler } from './metrics-route.ts';
import { createNotesRouter } from './notes-routes.ts';
import { createOpenApiDocument } from './openapi-document.ts';
import type { OriginPolicy } from './origin-policy.ts';
import { createPackRouter } from './pack-routes.ts';
import { createPrintRouter } from './print-routes.ts';
import { createAuthenticate } from './request-context.ts';
import { createRequestGuard } from './request-guard.ts';
import { createSearchRouter } from './search-routes.ts';
import { securityHeaders } from './security-headers.ts';
import type { CookiePolicy } from './session-cookie.ts';
import { createTemplatesRouter } from './templates-routes.ts';
import { createThemesRouter } from './themes-routes.ts';
import { createTrashRouter } from './trash-routes.ts';
import { createVersionsRouter } from './versions-routes.ts';
import { createWebAppRouter } from './web-app.ts';

/** Largest JSON body the API reads. */
const JSON_BODY_LIMIT = '16kb';

/** Builds the Express app: health check, metrics, the JSON API behind the access check and its OpenAPI document, and the web app. */
export function createApp(options: {
  workspace: Workspace;
  rooms: RoomRegistry;
  auth: Auth;
  dataDir: string;
  webRoot: string | null;
  publicUrl: URL | null;
  /** Express's `trust proxy` setting: which proxies may say who the client is; false trusts none. */
  trustProxy: string | number | false;
  origins: OriginPolicy;
  cookie: CookiePolicy;
  hasFailingWrites: () => boolean;
  metrics: { registry: Registry; token: string | null };
  /** The marking printed on every page (PRINT_MARKING). */
  print: { marking: string };
  /** The PDF renderer of briefing packs, made on first use. */
  pdfRenderer: () => PdfRenderer;
  logger: Logger;
}): Express {
  const { workspace, rooms, auth, dataDir, webRoot, publicUrl, origins, cookie, hasFailingWrites, metrics, logger } =
    options;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', options.trustProxy);
  app.use(securityHeaders);

  app.get('/healthz', createHealthHandler({ dataDir, hasFailingWrites, logger }));
  app.get('/metrics', createMetricsHandler(metrics));

  const api = express.Router();
  api.use((_request, response, next) => {
    // Answers carry personal data: never cached by the browser or a proxy.
    response.set('Cache-Control', 'no-store');
    next();
  });
  // Imports send a file as the raw body, which the JSON-only guard below refuses; the import router guards itself.
  api.use('/notes/import', createImportRouter({ workspace, rooms, auth, origins, cookie }));
  api.use(createRequestGuard(origins));
  api.use(express.json({ limit: JSON_BODY_LIMIT }));
  api.use(createAuthenticate(auth, cookie));
  api.use(createAuthRouter(auth, cookie));
  api.use(createAdminRouter(auth, publicUrl));
  const openApi = createOpenApiDocument();
  api.get('/openapi.json', (_request, response) => {
    response.json(openApi);
  });
  api.use('/notes', createPrintRouter({ workspace, rooms, auth, marking: options.print.marking }));
  api.use(
    '/notes',
    createExportRouter({ workspace, rooms, auth, pdfRenderer: options.pdfRenderer, marking: options.print.marking }),
  );
  api.use('/notes', createVersionsRouter(workspace, auth));
  api.use('/notes', createNotesRouter({ workspace, auth, publicUrl }));
  api.use(
    '/packs',
    createPackRouter({ workspace, rooms, auth, pdfRenderer: options.pdfRenderer, marking: options.print.marking }),
  );
  api.use('/trash', createTrashRouter(workspace, auth));
  api.use('/themes', createThemesRouter(workspace, auth));
  api.use('/templates', createTemplatesRouter(workspace, rooms, auth));
  api.use('/search', createSearchRouter(workspace, auth));
  api.use('/events', createEventsRouter(workspace, auth));
  api.use((_request, response) => sendApiError(response, 'notFound'));
  app.use('/api', api);

  app.use(createWebAppRouter(webRoot));
  app.use((_request, response) => {
    response.status(404).type('text/plain').send('Not found.\n');
  });

  const handleError: ErrorRequestHandler = (error: { type?: string; status?: number }, request, response, _next) => {
    if (error instanceof RefusalError) {
      sendApiError(response, error.code, error.message === error.code ? undefined : error.message);
    } else if (error.type === 'entity.parse.failed') {
      sendApiError(response, 'invalidBody', 'The request body is not valid JSON.');
    } else if (error.type === 'entity.too.large') {
      sendApiError(response, 'payloadTooLarge');
    } else if (error.status === 404) {
      sendApiError(response, 'notFound');
    } else {
      logger.error({ err: error, method: request.method, url: request.path }, 'request failed');
      sendApiError(response, 'internalError');
    }
  };
  app.use(handleError);
  return app;
}
