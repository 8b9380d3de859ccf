import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TOKEN_PAGE } from '@plume/protocol';
import express, { type RequestHandler, Router } from 'express';

/**
 * Serves the built web app: its hashed assets with long caching, and index.html for every page
 * route so that a note's URL opens directly.
 */
export function createWebAppRouter(webRoot: string | null): Router {
  const router = Router();
  const indexPath = webRoot && join(webRoot, 'index.html');
  if (!webRoot || !indexPath || !existsSync(indexPath)) {
    router.get('/{*path}', notBuilt);
    return router;
  }
  router.use(
    '/assets',
    express.static(join(webRoot, 'assets'), { immutable: true, maxAge: '1y', index: false, fallthrough: false }),
  );
  router.use(express.static(webRoot, { index: false }));
  router.get(PAGE_ROUTES, (_request, response) => {
    response.set('Cache-Control', 'no-cache');
    response.sendFile(indexPath);
  });
  return router;
}

// The app's screens; token pages get their secret in the fragment, which never reaches the server.
const PAGE_ROUTES = [
  '/',
  '/notes/:noteId',
  '/search',
  '/trash',
  '/themes',
  '/pack',
  '/login',
  '/account',
  '/admin',
  ...Object.values(TOKEN_PAGE),
];

const notBuilt: RequestHandler = (_request, response) => {
  response
    .status(503)
    .type('text/plain')
    .send('The Plume web app is not built. Run `pnpm build` (or start with `pnpm start`).\n');
};
