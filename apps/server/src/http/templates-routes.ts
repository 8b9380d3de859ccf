import { noteContentOf } from '@plume/editor-schema';
import { createTemplateRequest, type TemplateSummary, updateTemplateRequest } from '@plume/protocol';
import type { TemplateRecord } from '@plume/storage';
import { type Request, type Response, Router } from 'express';
import type { Auth } from '../auth/create-auth.ts';
import { createRecordId } from '../auth/secret-token.ts';
import { RefusalError } from '../refusal-error.ts';
import type { RoomRegistry } from '../sync/room-registry.ts';
import type { Workspace } from '../workspace/create-workspace.ts';
import { parseRequest } from './parse-request.ts';
import { principalOf, requireAccount, requireAdmin } from './request-context.ts';

const summaryOf = ({ id, name, description, createdAt, updatedAt }: TemplateRecord): TemplateSummary => ({
  id,
  name,
  description,
  createdAt,
  updatedAt,
});

/** The `/api/templates` resource: every account starts notes from templates; admins make and manage them. */
export function createTemplatesRouter(workspace: Workspace, rooms: RoomRegistry, auth: Auth): Router {
  const { notes, events } = workspace;
  const router = Router();

  async function requireTemplate(request: Request): Promise<TemplateRecord> {
    const template = await notes.getTemplate(String(request.params.templateId));
    if (!template) throw new RefusalError('templateNotFound');
    return template;
  }

  const audit = (
    request: Request,
    response: Response,
    action: 'template.created' | 'template.updated' | 'template.deleted',
    template: TemplateRecord,
  ) =>
    auth.audit.record({
      action,
      by: principalOf(response),
      detail: { templateId: template.id, name: template.name },
      ip: request.ip ?? null,
    });

  router.get('/', async (_request, response) => {
    requireAccount(response);
    response.json((await notes.listTemplates()).map(summaryOf));
  });

  router.post('/', async (request, response) => {
    const { principal } = requireAdmin(response);
    const body = parseRequest(createTemplateRequest, request.body);
    const decision = await auth.check.authorise(principal, body.fromNoteId, 'read');
    if (!decision.ok) throw new RefusalError('noteNotFound');
    const room = await rooms.acquire(body.fromNoteId);
    let content: unknown;
    try {
      content = noteContentOf(room.doc);
    } finally {
      rooms.release(room);
    }
    const at = new Date().toISOString();
    const template: TemplateRecord = {
      id: createRecordId(),
      name: body.name,
      description: body.description,
      content,
      createdAt: at,
      updatedAt: at,
    };
    await notes.putTemplate(template);
    events.templatesChanged();
    audit(request, response, 'template.created', template);
    response.status(201).json(summaryOf(template));
  });

  router.patch('/:templateId', async (request, response) => {
    requireAdmin(response);
    const body = parseRequest(updateTemplateRequest, request.body);
    const template = await requireTemplate(request);
    const updated: TemplateRecord = {
      ...template,
      ...(body.name !== undefined && { name: body.name }),
      ...(body.description !== undefined && { description: body.description }),
      updatedAt: new Date().toISOString(),
    };
    await notes.putTemplate(updated);
    events.templatesChanged();
    audit(request, response, 'template.updated', updated);
    response.json(summaryOf(updated));
  });

  router.delete('/:templateId', async (request, response) => {
    requireAdmin(response);
    const template = await requireTemplate(request);
    await notes.removeTemplate(template.id);
    events.templatesChanged();
    audit(request, response, 'template.deleted', template);
    response.status(204).end();
  });

  return router;
}
