import type { WorkspaceEvent } from '@plume/protocol';
import { Router } from 'express';
import type { Auth } from '../auth/create-auth.ts';
import type { Workspace } from '../workspace/create-workspace.ts';
import { requireSession } from './request-context.ts';

/** How often an idle stream sends a comment, so proxies and phones keep it open. */
const HEARTBEAT_MS = 25_000;

/**
 * `GET /api/events`: the workspace's change feed as Server-Sent Events. Each event names what
 * changed, filtered to the notes the person may read now; the browser fetches the rest itself.
 */
export function createEventsRouter(workspace: Workspace, auth: Auth): Router {
  const router = Router();

  router.get('/', (request, response) => {
    const sessionId = requireSession(response).session.id;
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      // Buffering proxies (nginx) would hold events back.
      'X-Accel-Buffering': 'no',
      // The socket closes with the stream: a browser reconnecting must open a new one, which a
      // server shutting down refuses, instead of reusing this one.
      Connection: 'close',
    });
    response.write('retry: 5000\n\n');

    let unsubscribe = () => {};
    const heartbeat = setInterval(() => response.write(': ping\n\n'), HEARTBEAT_MS);
    const end = () => {
      unsubscribe();
      clearInterval(heartbeat);
      response.end();
    };

    function send(event: WorkspaceEvent): void {
      // Rights are read again at each event: a session ended or a link revoked stops the feed.
      const principal = auth.sessions.resolveById(sessionId);
      if (!principal) {
        end();
        return;
      }
      if (event.type === 'notes') {
        const noteIds = event.noteIds.filter((noteId) => auth.check.roleOn(principal, noteId) !== null);
        if (noteIds.length === 0) return;
        event = { type: 'notes', noteIds };
      }
      response.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
    }

    unsubscribe = workspace.events.subscribe(send, end);
    request.on('close', () => {
      unsubscribe();
      clearInterval(heartbeat);
    });
  });

  return router;
}
