import { type SearchHit, type SearchResults, searchQuery } from '@plume/protocol';
import { Router } from 'express';
import type { Auth } from '../auth/create-auth.ts';
import type { Workspace } from '../workspace/create-workspace.ts';
import { parseQuery } from './parse-request.ts';
import { requireSession } from './request-context.ts';

/** `GET /api/search`: full-text search over the titles and content of the notes the person may read. */
export function createSearchRouter(workspace: Workspace, auth: Auth): Router {
  const { index, indexer, notes, presenter } = workspace;
  const router = Router();

  router.get('/', async (request, response) => {
    const principal = requireSession(response);
    const { q, limit } = parseQuery(searchQuery, request.query);
    await indexer.ready;
    const started = performance.now();
    const found = index.search(q, { limit, canRead: (noteId) => auth.check.roleOn(principal, noteId) !== null });
    const hits: SearchHit[] = [];
    for (const hit of found.hits) {
      const note = await notes.getNote(hit.noteId);
      const role = auth.check.roleOn(principal, hit.noteId);
      // A note trashed between the search and here is left out.
      if (note && note.deletedAt === null && role)
        hits.push({ note: presenter.view(note, role), title: hit.title, snippets: hit.snippets });
    }
    const results: SearchResults = { query: q, hits, total: found.total };
    // The time spent searching, for the benchmark and for anyone watching the server.
    response.set('Server-Timing', `search;dur=${(performance.now() - started).toFixed(2)}`);
    response.json(results);
  });

  return router;
}
