import { documentUpdateFrom, type NoteContent } from '@plume/editor-schema';
import { IMPORT_MAX_BYTES, importQuery, NOTE_TITLE_MAX_LENGTH } from '@plume/protocol';
import express, { type ErrorRequestHandler, Router } from 'express';
import * as Y from 'yjs';
import type { Auth } from '../auth/create-auth.ts';
import { importFile, requireImportKind, titleFromContent } from '../import/import-file.ts';
import { fileTooLarge, requireImportSize } from '../import/import-limits.ts';
import { RefusalError } from '../refusal-error.ts';
import type { RoomRegistry } from '../sync/room-registry.ts';
import { decodeUpdate } from '../sync/update-decoder.ts';
import type { Workspace } from '../workspace/create-workspace.ts';
import type { OriginPolicy } from './origin-policy.ts';
import { parseQuery } from './parse-request.ts';
import { createAuthenticate, principalOf, requireAccount } from './request-context.ts';
import { isCrossSite } from './request-guard.ts';
import type { CookiePolicy } from './session-cookie.ts';

// Names the note when the file gives no title and no heading.
const FALLBACK_TITLE = 'Note importée';

/**
 * `POST /api/notes/import`: a new note made from a file sent as the raw body, its `Content-Type`
 * one of the import media types; answers 201 with the note as `POST /api/notes` does. Mounted
 * before the API's JSON-only guard, so it makes the same cross-site check itself.
 */
export function createImportRouter(options: {
  workspace: Workspace;
  rooms: RoomRegistry;
  auth: Auth;
  origins: OriginPolicy;
  cookie: CookiePolicy;
}): Router {
  const { workspace, rooms, auth, origins, cookie } = options;
  const router = Router();

  router.use((request, _response, next) => {
    if (isCrossSite(request, origins)) throw new RefusalError('crossSiteRequest');
    next();
  });
  router.use(createAuthenticate(auth, cookie));
  router.post(
    '/',
    (request, response, next) => {
      // Refused before a byte of the file is read.
      requireAccount(response);
      requireImportKind(request.get('content-type'));
      requireImportSize(Number(request.get('content-length') ?? 0));
      next();
    },
    // No Content-Encoding: a compressed body could unpack far beyond what its length announced.
    express.raw({ type: () => true, limit: IMPORT_MAX_BYTES, inflate: false }),
    async (request, response) => {
      const { user } = requireAccount(response);
      const query = parseQuery(importQuery, request.query);
      const kind = requireImportKind(request.get('content-type'));
      const file = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const imported = await importFile(file, kind);
      const { title, content } = query.title ? { title: query.title, content: imported } : titledFromFile(imported);
      const created = await workspace.lifecycle.create({ title, themeId: null, templateId: null }, user.id);
      await fillDocument(created.id, content, user.id);
      await workspace.indexer.refresh(created.id);
      const note = (await workspace.notes.getNote(created.id)) ?? created;
      auth.audit.record({
        action: 'note.created',
        by: principalOf(response),
        noteId: note.id,
        ip: request.ip ?? null,
        detail: { importedFrom: kind },
      });
      response.status(201).location(`/notes/${note.id}`).json(workspace.presenter.detail(note, 'owner'));
    },
  );

  const handleBodyError: ErrorRequestHandler = (error: { type?: string }, _request, _response, next) => {
    next(error?.type === 'entity.too.large' ? fileTooLarge() : error);
  };
  router.use(handleBodyError);

  // The new note's room holds the content first, so it is stored and indexed as any edit would be.
  async function fillDocument(noteId: string, content: NoteContent, by: string): Promise<void> {
    const room = await rooms.acquire(noteId);
    try {
      const update = documentUpdateFrom(content);
      // The file's text is credited to whoever imported it.
      room.authorship.record(by, decodeUpdate(update, { maxClients: 1 }), room.doc);
      Y.applyUpdate(room.doc, update);
      await room.flushed();
    } finally {
      rooms.release(room);
    }
  }

  return router;
}

// The file's first heading names the note; when it opens the file as a title would, it leaves the
// content, so that a note exported to Markdown and imported again keeps one title.
function titledFromFile(content: NoteContent): { title: string; content: NoteContent } {
  const blocks = content.content ?? [];
  const first = blocks[0];
  const title = cleanTitle(titleFromContent(content));
  if (title && first?.type === 'heading' && first.attrs?.level === 1 && blocks.length > 1)
    return { title, content: { ...content, content: blocks.slice(1) } };
  return { title: title ?? FALLBACK_TITLE, content };
}

function cleanTitle(title: string | null): string | null {
  const cleaned = title
    ?.replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .trim()
    .slice(0, NOTE_TITLE_MAX_LENGTH)
    .trim();
  return cleaned ? cleaned : null;
}
