import { THEME_COLORS } from '@plume/protocol';
import type { TemplateRecord, ThemeRecord, WorkspaceSeed } from '@plume/storage';
import { createRecordId } from '../auth/secret-token.ts';

const STARTING_THEMES = ['Économie', 'Écologie', 'Santé', 'Éducation', 'Sécurité', 'Social'];

const THEMATIC_NOTE_SECTIONS = ['Contexte', 'Constat', 'Propositions', 'Chiffrage', 'Sources'];

/** What a new workspace starts with: the usual themes of a programme, and the "Note thématique" template. */
export function createWorkspaceSeed(now: Date): WorkspaceSeed {
  const at = now.toISOString();
  const themes: ThemeRecord[] = STARTING_THEMES.map((name, index) => ({
    id: createRecordId(),
    name,
    color: THEME_COLORS[index % THEME_COLORS.length] as string,
    createdAt: at,
  }));
  const thematicNote: TemplateRecord = {
    id: createRecordId(),
    name: 'Note thématique',
    description: 'Contexte, constat, propositions, chiffrage et sources.',
    content: {
      type: 'doc',
      content: THEMATIC_NOTE_SECTIONS.flatMap((section) => [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: section }] },
        { type: 'paragraph' },
      ]),
    },
    createdAt: at,
    updatedAt: at,
  };
  return { themes, templates: [thematicNote] };
}
