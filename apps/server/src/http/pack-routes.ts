import { type PackSourcesResponse, packRequest, packSourcesQuery } from '@plume/protocol';
import { type Request, type Response, Router } from 'express';
import type { z } from 'zod';
import type { Auth } from '../auth/create-auth.ts';
import { attachmentDisposition } from '../export/export-file-name.ts';
import { type AccountName, type CompareVersions, packChanges } from '../packs/pack-changes.ts';
import { loadPackNotes, newestValidated, type PackNote } from '../packs/pack-notes.ts';
import type { PdfRenderer } from '../pdf/chromium-renderer.ts';
import { ChromiumUnavailableError } from '../pdf/chromium-unavailable.ts';
import { renderPackPdf } from '../pdf/pack-pdf.ts';
import { type PackNoteChanges, type PrintLanguage, type PrintOptions, packHtml } from '../print/index.ts';
import { RefusalError } from '../refusal-error.ts';
import type { RoomRegistry } from '../sync/room-registry.ts';
import type { Workspace } from '../workspace/create-workspace.ts';
import { parseQuery, parseRequest } from './parse-request.ts';
import { principalOf, requireSession } from './request-context.ts';
import { printedDocumentHeaders } from './security-headers.ts';

type PackBody = z.output<typeof packRequest>;

/**
 * The `/api/packs` resource: a briefing pack of notes the person may read, as one PDF rendered by
 * the server's Chromium, or as HTML for the browser to print where the server has none; each pack
 * produced is recorded with the version of each note it printed. `GET /api/packs/sources` says
 * which version a pack would print of each note and which pack last printed it.
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
  const compare: CompareVersions = (noteId, from, to) => workspace.versions.compare(noteId, from, to);
  const accountName: AccountName = (id) => auth.accounts.get(id)?.name ?? null;
  const router = Router();

  async function authoriseAll(response: Response, noteIds: readonly string[]): Promise<void> {
    const principal = requireSession(response);
    for (const noteId of noteIds) {
      const decision = await auth.check.authorise(principal, noteId, 'read');
      // The whole pack is refused, without naming which note is out of reach.
      if (!decision.ok) throw new RefusalError('noteNotFound');
    }
  }

  /** Loads the pack's notes in order, each from the version it prints, and what changed since the last pack if asked. */
  async function packNotes(
    response: Response,
    body: PackBody,
    language: PrintLanguage,
  ): Promise<{ notes: PackNote[]; changes: PackNoteChanges[] | undefined }> {
    await authoriseAll(response, body.noteIds);
    const notes = await loadPackNotes({ notes: workspace.notes, rooms, versions: workspace.versions }, body.noteIds, {
      source: body.source,
      coverDate: body.cover.date,
      language,
    });
    // Compared before this pack is recorded: afterwards it would be the last pack of every note.
    const changes = body.sinceLastPack
      ? await packChanges({ compare, accountName, history: workspace.packs }, notes, language)
      : undefined;
    return { notes, changes };
  }

  /** Records the pack produced and audits each note printed, with the version printed and the pack's id. */
  async function recordPack(
    request: Request,
    response: Response,
    body: PackBody,
    notes: readonly PackNote[],
    format: 'pdf' | 'html',
  ): Promise<void> {
    const by = principalOf(response);
    const packId = await workspace.packs.record({
      title: body.cover.title,
      date: body.cover.date,
      by: by?.user?.id ?? null,
      notes: notes.map((note) => ({ noteId: note.id, versionId: note.versionId })),
    });
    for (const note of notes) {
      auth.audit.record({
        action: 'note.printed',
        by,
        noteId: note.id,
        ip: request.ip ?? null,
        detail: { pack: true, format, version: note.version, versionId: note.versionId, packId, source: body.source },
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
    const { notes, changes } = await packNotes(response, body, language);
    let pdf: Uint8Array;
    try {
      ({ pdf } = await renderPackPdf(
        renderer,
        { cover: coverOf(body), notes, ...(changes && { changes }) },
        printOptions(body, language),
      ));
    } catch (error) {
      // The renderer does not know who asked: the refusal is worded again in their language.
      if (error instanceof ChromiumUnavailableError) throw new ChromiumUnavailableError(language);
      throw error;
    }
    await recordPack(request, response, body, notes, 'pdf');
    response
      .set('Content-Disposition', attachmentDisposition(`${body.cover.title} ${body.cover.date}`, 'pdf'))
      .type('application/pdf')
      .send(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength));
  });

  async function sendHtml(request: Request, response: Response, raw: unknown): Promise<void> {
    const body = parseRequest(packRequest, raw);
    const language = languageOf(request);
    const { notes, changes } = await packNotes(response, body, language);
    // No layout: page numbers are the browser's business, and it does not tell them.
    const html = packHtml(
      { cover: coverOf(body), notes, layout: null, ...(changes && { changes }) },
      printOptions(body, language),
    );
    await recordPack(request, response, body, notes, 'html');
    response.set(printedDocumentHeaders('self')).type('text/html; charset=utf-8').send(html);
  }

  router.get('/sources', async (request, response) => {
    const { noteIds } = parseQuery(packSourcesQuery, request.query);
    await authoriseAll(response, noteIds);
    const answer: PackSourcesResponse = { notes: [] };
    for (const noteId of noteIds) {
      answer.notes.push({
        noteId,
        validated: await newestValidated(workspace.versions, noteId),
        lastPack: await workspace.packs.lastPackedVersion(noteId),
      });
    }
    response.json(answer);
  });

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
