import { createNoteId, isNoteId, type NoteAction, type NoteView, parseCreateNoteRequest } from '@plume/protocol';
import type { MetadataStore, NoteRecord } from '@plume/storage';
import { type Request, type Response, Router } from 'express';
import type { Auth } from '../auth/create-auth.ts';
import { RefusalError } from '../refusal-error.ts';
import type { RoomRegistry } from '../sync/room-registry.ts';
import { noteAsPlainText } from './note-plain-text.ts';
import { principalOf, requireAccount, requireSession } from './request-context.ts';
import { createSharingRouter } from './sharing-routes.ts';

/** The `/api/notes` resource: the notes a person may see, create, read, export and delete. */
export function createNotesRouter(options: {
  notes: MetadataStore;
  rooms: RoomRegistry;
  auth: Auth;
  publicUrl: URL | null;
}): Router {
  const { notes, rooms, auth, publicUrl } = options;
  const router = Router();

  async function authorise(request: Request, response: Response, action: NoteAction) {
    const noteId = String(request.params.noteId);
    if (!isNoteId(noteId)) throw new RefusalError('invalidNoteId');
    requireSession(response);
    const decision = await auth.check.authorise(principalOf(response), noteId, action);
    if (!decision.ok) throw new RefusalError(decision.reason === 'notFound' ? 'noteNotFound' : 'forbidden');
    return decision;
  }

  const view = (note: NoteRecord, role: NoteView['role']): NoteView => ({
    id: note.id,
    title: note.title,
    createdAt: note.createdAt,
    updatedAt: note.updatedAt,
    role,
  });

  router.get('/', async (_request, response) => {
    const principal = requireSession(response);
    const list: NoteView[] = (await notes.listNotes()).flatMap((note) => {
      const role = auth.check.roleOn(principal, note.id);
      return role ? [view(note, role)] : [];
    });
    response.json(list);
  });

  router.post('/', async (request, response) => {
    const { principal, user } = requireAccount(response);
    const parsed = parseCreateNoteRequest(request.body);
    if (!parsed.ok) throw new RefusalError('invalidBody', parsed.message);
    const createdAt = new Date().toISOString();
    const note: NoteRecord = { id: createNoteId(), title: parsed.value.title, createdAt, updatedAt: createdAt };
    await notes.createNote(note);
    await auth.store.grants.put({ noteId: note.id, userId: user.id, role: 'owner' });
    auth.audit.record({ action: 'note.created', by: principal, noteId: note.id, ip: request.ip });
    response.status(201).location(`/notes/${note.id}`).json(view(note, 'owner'));
  });

  router.get('/:noteId', async (request, response) => {
    const { note, role } = await authorise(request, response, 'read');
    response.json(view(note, role));
  });

  router.delete('/:noteId', async (request, response) => {
    const { note } = await authorise(request, response, 'delete');
    await notes.markDeleted(note.id, new Date().toISOString());
    auth.live.endNote(note.id);
    auth.audit.record({ action: 'note.deleted', by: principalOf(response), noteId: note.id, ip: request.ip });
    response.status(204).end();
  });

  router.get('/:noteId/export.txt', async (request, response) => {
    const { note } = await authorise(request, response, 'export');
    const room = await rooms.acquire(note.id);
    let text: string;
    try {
      text = noteAsPlainText(room.doc);
    } finally {
      rooms.release(room);
    }
    auth.audit.record({
      action: 'note.exported',
      by: principalOf(response),
      noteId: note.id,
      detail: { format: 'txt' },
      ip: request.ip,
    });
    response
      .type('text/plain; charset=utf-8')
      .attachment(`${safeFileName(note.title)}.txt`)
      .send(text);
  });

  router.use('/:noteId', createSharingRouter(auth, publicUrl));
  return router;
}

/** A title as a file name: no path separators, control or reserved characters, bounded length. */
function safeFileName(title: string): string {
  const name = title
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}/\\:*?"<>|]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 100);
  return name || 'note';
}
