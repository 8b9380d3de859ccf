import { createThemeRequest, THEME_COLORS, type Theme, updateThemeRequest } from '@plume/protocol';
import { type Request, type Response, Router } from 'express';
import type { Auth } from '../auth/create-auth.ts';
import { createRecordId } from '../auth/secret-token.ts';
import { RefusalError } from '../refusal-error.ts';
import type { Workspace } from '../workspace/create-workspace.ts';
import { parseRequest } from './parse-request.ts';
import { principalOf, requireAccount, requireAdmin, requireSession } from './request-context.ts';

const sameName = new Intl.Collator('fr', { sensitivity: 'base' });

/** The `/api/themes` resource: every account files notes under themes and names them; admins remove them. */
export function createThemesRouter(workspace: Workspace, auth: Auth): Router {
  const { notes, events } = workspace;
  const router = Router();

  async function requireTheme(request: Request): Promise<Theme> {
    const theme = (await notes.listThemes()).find((candidate) => candidate.id === String(request.params.themeId));
    if (!theme) throw new RefusalError('themeNotFound');
    return theme;
  }

  async function requireFreeName(name: string, exceptId: string | null): Promise<void> {
    const themes = await notes.listThemes();
    if (themes.some((theme) => theme.id !== exceptId && sameName.compare(theme.name, name) === 0)) {
      throw new RefusalError('themeNameTaken');
    }
  }

  const audit = (
    request: Request,
    response: Response,
    action: 'theme.created' | 'theme.updated' | 'theme.deleted',
    theme: Theme,
  ) =>
    auth.audit.record({
      action,
      by: principalOf(response),
      detail: { themeId: theme.id, name: theme.name },
      ip: request.ip ?? null,
    });

  router.get('/', async (_request, response) => {
    requireSession(response);
    response.json(await notes.listThemes());
  });

  router.post('/', async (request, response) => {
    requireAccount(response);
    const body = parseRequest(createThemeRequest, request.body);
    await requireFreeName(body.name, null);
    const count = (await notes.listThemes()).length;
    const theme: Theme = {
      id: createRecordId(),
      name: body.name,
      color: body.color ?? (THEME_COLORS[count % THEME_COLORS.length] as string),
      createdAt: new Date().toISOString(),
    };
    await notes.putTheme(theme);
    events.themesChanged();
    audit(request, response, 'theme.created', theme);
    response.status(201).json(theme);
  });

  router.patch('/:themeId', async (request, response) => {
    requireAccount(response);
    const body = parseRequest(updateThemeRequest, request.body);
    const theme = await requireTheme(request);
    if (body.name !== undefined) await requireFreeName(body.name, theme.id);
    const updated: Theme = {
      ...theme,
      ...(body.name !== undefined && { name: body.name }),
      ...(body.color !== undefined && { color: body.color }),
    };
    await notes.putTheme(updated);
    events.themesChanged();
    audit(request, response, 'theme.updated', updated);
    response.json(updated);
  });

  router.delete('/:themeId', async (request, response) => {
    requireAdmin(response);
    const theme = await requireTheme(request);
    const filed = (await notes.listNotes()).filter((note) => note.themeId === theme.id).map((note) => note.id);
    await notes.removeTheme(theme.id);
    events.themesChanged();
    events.notesChanged(...filed);
    audit(request, response, 'theme.deleted', theme);
    response.status(204).end();
  });

  return router;
}
