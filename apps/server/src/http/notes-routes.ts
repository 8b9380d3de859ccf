import { createNoteId, isNoteId, type NoteSummary, parseCreateNoteRequest } from '@plume/protocol';
import type { MetadataStore } from '@plume/storage';
import { type Request, type Response, Router } from 'express';
import { sendApiError } from './api-error.ts';

/** The `/api/notes` resource: list, create and read notes' metadata. */
export function createNotesRouter(notes: MetadataStore): Router {
  const router = Router();

  router.get('/', async (_request, response) => {
    const list: NoteSummary[] = await notes.listNotes();
    response.json(list);
  });

  router.post('/', async (request: Request, response: Response) => {
    const parsed = parseCreateNoteRequest(request.body);
    if (!parsed.ok) {
      sendApiError(response, 'invalidBody', parsed.message);
      return;
    }
    const createdAt = new Date().toISOString();
    const note: NoteSummary = { id: createNoteId(), title: parsed.value.title, createdAt, updatedAt: createdAt };
    await notes.createNote(note);
    response.status(201).location(`/notes/${note.id}`).json(note);
  });

  router.get('/:noteId', async (request, response) => {
    const { noteId } = request.params;
    if (!isNoteId(noteId)) {
      sendApiError(response, 'invalidNoteId');
      return;
    }
    const note = await notes.getNote(noteId);
    if (!note) {
      sendApiError(response, 'noteNotFound');
      return;
    }
    response.json(note);
  });

  return router;
}
