import { packRequest } from '@plume/protocol';
import { type Request, type Response, Router } from 'express';
import type { z } from 'zod';
import type { Auth } from '../auth/create-auth.ts';
import { attachmentDisposition } from '../export/export-file-name.ts';
import type { PdfRenderer } from '../pdf/chromium-renderer.ts';
import { ChromiumUnavailableError } from '../pdf/chromium-unavailable.ts';
import { renderPackPdf } from '../pdf/pack-pdf.ts';
import { loadPrintNote, type PrintLanguage, type PrintNote, type PrintOptions, packHtml } from '../print/index.ts';
import { RefusalError } from '../refusal-error.ts';
import type { RoomRegistry } from '../sync/room-registry.ts';
import type { Workspace } from '../workspace/create-workspace.ts';
import { parseRequest } from './parse-request.ts';
import { principalOf, requireSession } from './request-context.ts';
import { printedDocumentHeaders } from './security-headers.ts';

type PackBody = z.output<typeof packRequest>;

/**
 * The `/api/packs` resource: a briefing pack of notes the person may read, as one PDF rendered by
 * the server's Chromium, or as HTML for the browser to print where the server has none.
 */
export function createPackRouter(options: {
  workspace: Workspace;
  rooms: RoomRegistry;
  auth: Auth;
  /** The renderer, made on first use. */
  pdfRenderer: () => PdfRenderer;
  /** The marking printed on every page but the cover. */
  marking: string;
}): Router {
  const { workspace, rooms, auth, pdfRenderer, marking } = options;
  const router = Router();

  /** Loads the pack's notes in order, refusing the whole pack, without naming which, if one is out of reach. */
  async function packNotes(response: Response, body: PackBody, language: PrintLanguage): Promise<PrintNote[]> {
    const principal = requireSession(response);
    for (const noteId of body.noteIds) {
      const decision = await auth.check.authorise(principal, noteId, 'read');
      if (!decision.ok) throw new RefusalError('noteNotFound');
    }
    const notes: PrintNote[] = [];
    for (const noteId of body.noteIds)
      notes.push(await loadPrintNote({ notes: workspace.notes, rooms }, noteId, language));
    return notes;
  }

  function audit(request: Request, response: Response, notes: readonly PrintNote[], format: 'pdf' | 'html'): void {
    for (const note of notes) {
      auth.audit.record({
        action: 'note.printed',
        by: principalOf(response),
        noteId: note.id,
        ip: request.ip ?? null,
        detail: { pack: true, format, version: note.version },
      });
    }
  }

  const printOptions = (body: PackBody, language: PrintLanguage): PrintOptions => ({
    paper: body.paper,
    marking,
    language,
    largeType: body.largeType,
    doubleSided: body.doubleSided,
  });
  const coverOf = (body: PackBody) => ({
    title: body.cover.title,
    date: new Date(`${body.cover.date}T12:00:00Z`),
    recipient: body.cover.recipient,
  });

  router.post('/', async (request, response) => {
    const body = parseRequest(packRequest, request.body);
    const language = languageOf(request);
    requireSession(response);
    const renderer = pdfRenderer();
    // Chromium starts while the notes are read: the pack's time is mostly the browser's.
    renderer.warmUp();
    const notes = await packNotes(response, body, language);
    let pdf: Uint8Array;
    try {
      ({ pdf } = await renderPackPdf(renderer, { cover: coverOf(body), notes }, printOptions(body, language)));
    } catch (error) {
      // The renderer does not know who asked: the refusal is worded again in their language.
      if (error instanceof ChromiumUnavailableError) throw new ChromiumUnavailableError(language);
      throw error;
    }
    audit(request, response, notes, 'pdf');
    response
      .set('Content-Disposition', attachmentDisposition(`${body.cover.title} ${body.cover.date}`, 'pdf'))
      .type('application/pdf')
      .send(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength));
  });

  async function sendHtml(request: Request, response: Response, raw: unknown): Promise<void> {
    const body = parseRequest(packRequest, raw);
    const language = languageOf(request);
    const notes = await packNotes(response, body, language);
    // No layout: page numbers are the browser's business, and it does not tell them.
    const html = packHtml({ cover: coverOf(body), notes, layout: null }, printOptions(body, language));
    audit(request, response, notes, 'html');
    response.set(printedDocumentHeaders('self')).type('text/html; charset=utf-8').send(html);
  }

  router.post('/html', (request, response) => sendHtml(request, response, request.body));
  // A frame can only load an address: the same body, as JSON in the `pack` query parameter.
  router.get('/html', (request, response) => sendHtml(request, response, jsonQuery(request.query.pack)));

  return router;
}

/** The language of the printed words: `?lang=en`, else French. */
function languageOf(request: Request): PrintLanguage {
  return request.query.lang === 'en' ? 'en' : 'fr';
}

function jsonQuery(value: unknown): unknown {
  if (typeof value !== 'string') throw new RefusalError('invalidQuery', 'Send the pack as JSON in "pack".');
  try {
    return JSON.parse(value) as unknown;
  } catch (error) {
    if (error instanceof SyntaxError) throw new RefusalError('invalidQuery', '"pack" is not valid JSON.');
    throw error;
  }
}
