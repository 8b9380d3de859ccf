// Before zod itself: see zod-jitless.ts.
import './zod-jitless.ts';
import { z } from 'zod';
import type { NoteRole } from './access.ts';
import { cleanText } from './text-fields.ts';

/** Longest note title accepted, in UTF-16 code units. */
export const NOTE_TITLE_MAX_LENGTH = 200;
/** Longest theme name. */
export const THEME_NAME_MAX_LENGTH = 60;
/** Longest template name and description. */
export const TEMPLATE_NAME_MAX_LENGTH = 80;
export const TEMPLATE_DESCRIPTION_MAX_LENGTH = 300;
/** Longest search query, in characters. */
export const SEARCH_QUERY_MAX_LENGTH = 200;

/**
 * The workflow a note follows, in order: Brouillon → En relecture → Validée → Transmise. Any move
 * is allowed (a note sent back to drafting is normal); every move is kept in the note's history.
 */
export const NOTE_STATUSES = ['draft', 'review', 'validated', 'sent'] as const;
/** One step of the workflow. */
export type NoteStatus = (typeof NOTE_STATUSES)[number];

/** Whether a value is one of the workflow's statuses. */
export function isNoteStatus(value: unknown): value is NoteStatus {
  return typeof value === 'string' && (NOTE_STATUSES as readonly string[]).includes(value);
}

/** Reading speed assumed for the reading-time estimate: a careful reader of a policy note. */
export const READING_WORDS_PER_MINUTE = 200;

/** Minutes needed to read `wordCount` words, rounded up; 0 for an empty note. */
export function readingMinutes(wordCount: number): number {
  return Math.ceil(Math.max(0, wordCount) / READING_WORDS_PER_MINUTE);
}

/** An account as other people see it in the workspace. */
export type PersonRef = { id: string; name: string };

/** Someone in a note right now, as their presence shows them. */
export type PresentPerson = { name: string; color: string };

/** One move of a note along the workflow; `from` is null for the note's creation. */
export type StatusChange = { from: NoteStatus | null; to: NoteStatus; by: PersonRef | null; at: string };

/** A note's metadata as the JSON API lists it; times are ISO 8601 strings in UTC. */
export type NoteSummary = {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
  /** Null when the note has no theme. */
  themeId: string | null;
  status: NoteStatus;
  /** The account that created the note; null for notes older than accounts. */
  owner: PersonRef | null;
  /** Accounts that edited the note, in the order they first did. */
  contributors: PersonRef[];
  wordCount: number;
  /** `readingMinutes(wordCount)`, so that every client shows the same estimate. */
  readingMinutes: number;
};

/** A note as one person sees it: with the role they hold and who is in it right now. */
export type NoteView = NoteSummary & { role: NoteRole; present: PresentPerson[] };

/** One note in full: its view and every status move, oldest first. */
export type NoteDetail = NoteView & { statusHistory: StatusChange[] };

/** A note in the trash, with when and by whom it was put there. */
export type TrashedNote = NoteSummary & { role: NoteRole; deletedAt: string; deletedBy: PersonRef | null };

/** A theme the team files notes under. */
export type Theme = { id: string; name: string; color: string; createdAt: string };

/** Colours offered for themes; readable as a chip's background under dark text. */
export const THEME_COLORS = [
  '#fde68a',
  '#bbf7d0',
  '#bfdbfe',
  '#fecaca',
  '#ddd6fe',
  '#fed7aa',
  '#a5f3fc',
  '#e5e7eb',
] as const;

/** A model new notes can start from. */
export type TemplateSummary = {
  id: string;
  name: string;
  description: string;
  createdAt: string;
  updatedAt: string;
};

/** A piece of a search snippet or title: `match` pieces are the words the query found. */
export type SnippetPart = { text: string; match: boolean };

/** One note found by a search, with its title and up to three passages, matches marked. */
export type SearchHit = { note: NoteView; title: SnippetPart[]; snippets: SnippetPart[][] };

/** The answer to `GET /api/search`. */
export type SearchResults = { query: string; hits: SearchHit[]; total: number };

/** The events `GET /api/events` streams (Server-Sent Events, `event:` names the type). */
export type WorkspaceEvent =
  /** These notes changed (content, metadata, presence, trash): fetch them again. */
  | { type: 'notes'; noteIds: string[] }
  /** The themes or templates changed: fetch them again. */
  | { type: 'themes' }
  | { type: 'templates' };

const title = cleanText(NOTE_TITLE_MAX_LENGTH);
const recordId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, { message: 'This is not a valid id.' });
const color = z.string().regex(/^#[0-9a-f]{6}$/i, { message: 'A colour is written #rrggbb.' });

/** `POST /api/notes`: a new note, optionally filed under a theme and started from a template. */
export const createNoteRequest = z.strictObject({
  title,
  themeId: recordId.nullable().default(null),
  templateId: recordId.nullable().default(null),
});
/** Body of `POST /api/notes`. */
export type CreateNoteRequest = z.input<typeof createNoteRequest>;

/** `PATCH /api/notes/:noteId`: rename a note or file it under another theme (null: none). */
export const updateNoteRequest = z
  .strictObject({ title: title.optional(), themeId: recordId.nullable().optional() })
  .refine((body) => body.title !== undefined || body.themeId !== undefined, {
    message: 'Send a "title" or a "themeId".',
  });

/** `PUT /api/notes/:noteId/status`: move a note along the workflow. */
export const setStatusRequest = z.strictObject({
  status: z.enum(NOTE_STATUSES, { message: `"status" is one of ${NOTE_STATUSES.join(', ')}.` }),
});

/** `POST /api/notes/:noteId/duplicate`: copy a note's content and theme into a new draft. */
export const duplicateNoteRequest = z.strictObject({ title: title.optional() });

/** `POST /api/themes`: a new theme. */
export const createThemeRequest = z.strictObject({ name: cleanText(THEME_NAME_MAX_LENGTH), color: color.optional() });
/** `PATCH /api/themes/:themeId`: rename or recolour a theme. */
export const updateThemeRequest = z
  .strictObject({ name: cleanText(THEME_NAME_MAX_LENGTH).optional(), color: color.optional() })
  .refine((body) => body.name !== undefined || body.color !== undefined, { message: 'Send a "name" or a "color".' });

const templateDescription = z
  .string()
  .transform((value) => value.replace(/[\p{Cc}\p{Cf}]/gu, ' ').trim())
  .pipe(z.string().max(TEMPLATE_DESCRIPTION_MAX_LENGTH));

/** `POST /api/templates`: an admin saves a note's current content as a template. */
export const createTemplateRequest = z.strictObject({
  name: cleanText(TEMPLATE_NAME_MAX_LENGTH),
  description: templateDescription.default(''),
  fromNoteId: z.string().regex(/^[0-9a-z]{20}$/, { message: 'This is not a valid note id.' }),
});
/** `PATCH /api/templates/:templateId`: rename a template or change its description. */
export const updateTemplateRequest = z
  .strictObject({ name: cleanText(TEMPLATE_NAME_MAX_LENGTH).optional(), description: templateDescription.optional() })
  .refine((body) => body.name !== undefined || body.description !== undefined, {
    message: 'Send a "name" or a "description".',
  });

/** Orders `GET /api/notes` can sort by. */
export const NOTE_SORTS = ['updated', 'created', 'title', 'status', 'readingTime'] as const;
/** One way of sorting notes. */
export type NoteSort = (typeof NOTE_SORTS)[number];

/** Query of `GET /api/notes`: filters combine with AND; `theme=none` finds notes without one. */
export const listNotesQuery = z.strictObject({
  theme: z.union([z.literal('none'), recordId]).optional(),
  status: z.enum(NOTE_STATUSES).optional(),
  contributor: recordId.optional(),
  sort: z.enum(NOTE_SORTS).default('updated'),
  order: z.enum(['asc', 'desc']).optional(),
});
/** Parsed query of `GET /api/notes`. */
export type ListNotesQuery = z.output<typeof listNotesQuery>;

/** Query of `GET /api/search`. */
export const searchQuery = z.strictObject({
  q: z
    .string()
    .trim()
    .min(1, { message: 'Type something to search for.' })
    .max(SEARCH_QUERY_MAX_LENGTH, { message: `A search has at most ${SEARCH_QUERY_MAX_LENGTH} characters.` }),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
