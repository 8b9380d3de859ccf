import {
  API_ERROR,
  acceptInvitationRequest,
  changePasswordRequest,
  createNoteRequest,
  createShareLinkRequest,
  createTemplateRequest,
  createThemeRequest,
  createUserRequest,
  createVersionRequest,
  duplicateNoteRequest,
  exportQuery,
  importQuery,
  listNotesQuery,
  NOTE_ROLES,
  NOTE_STATUSES,
  packRequest,
  packSourcesQuery,
  printNoteQuery,
  redeemShareLinkRequest,
  searchQuery,
  setMemberRequest,
  setStatusRequest,
  setupRequest,
  signInRequest,
  updateNoteRequest,
  updateTemplateRequest,
  updateThemeRequest,
  updateUserRequest,
  VERSION_KINDS,
} from '@plume/protocol';
import { z } from 'zod';

type JsonSchema = Record<string, unknown>;
type Access = 'public' | 'session' | 'account' | 'admin';
type Operation = {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  tag: string;
  access: Access;
  body?: z.ZodType;
  query?: z.ZodType;
  /** Status of success and the component schema it returns, if any. */
  ok: [number, string | null];
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const list = (name: string) => ({ type: 'array', items: ref(name) });
const string = { type: 'string' };
const time = { type: 'string', format: 'date-time' };
const object = (properties: Record<string, JsonSchema>, optional: string[] = []): JsonSchema => ({
  type: 'object',
  properties,
  required: Object.keys(properties).filter((key) => !optional.includes(key)),
});
const person = object({ id: string, name: string });

const SCHEMAS: Record<string, JsonSchema> = {
  Error: object({
    error: object({
      code: { type: 'string', enum: Object.keys(API_ERROR) },
      message: { type: 'string', description: 'For people to read.' },
    }),
  }),
  Person: person,
  VersionSummary: object({
    id: string,
    noteId: string,
    createdAt: time,
    kind: { type: 'string', enum: [...VERSION_KINDS], description: 'Why the version exists; stable, unlike the name.' },
    name: { type: ['string', 'null'] },
    authors: {
      type: 'array',
      items: string,
      description: 'Account ids of those who edited since the previous version.',
    },
    wordCount: { type: 'integer' },
    bytes: { type: 'integer', description: 'Storage the version takes.' },
  }),
  PackSources: object({
    notes: {
      type: 'array',
      items: object({
        noteId: string,
        validated: { anyOf: [ref('VersionSummary'), { type: 'null' }], description: 'The newest validated version.' },
        lastPack: {
          anyOf: [
            object({
              packId: string,
              title: string,
              date: { type: 'string', format: 'date' },
              printedAt: time,
              versionId: string,
            }),
            { type: 'null' },
          ],
          description: 'The most recent pack that printed the note, and the version it printed.',
        },
      }),
    },
  }),
  VersionDetail: {
    allOf: [
      ref('VersionSummary'),
      object({
        content: { type: 'object', description: 'The content as ProseMirror JSON (a doc node), to show read-only.' },
      }),
    ],
  },
  NoteSummary: object({
    id: string,
    title: string,
    createdAt: time,
    updatedAt: time,
    themeId: { type: ['string', 'null'] },
    status: { type: 'string', enum: [...NOTE_STATUSES] },
    owner: { oneOf: [ref('Person'), { type: 'null' }] },
    contributors: list('Person'),
    wordCount: { type: 'integer' },
    readingMinutes: { type: 'integer', description: 'At 200 words a minute, rounded up.' },
  }),
  NoteView: {
    allOf: [
      ref('NoteSummary'),
      object({
        role: { type: 'string', enum: [...NOTE_ROLES] },
        present: {
          type: 'array',
          items: object({ name: string, color: string }),
          description: 'Who is in the note right now.',
        },
      }),
    ],
  },
  NoteDetail: {
    allOf: [
      ref('NoteView'),
      object({
        statusHistory: {
          type: 'array',
          items: object({
            from: { type: ['string', 'null'] },
            to: string,
            by: { oneOf: [ref('Person'), { type: 'null' }] },
            at: time,
          }),
        },
      }),
    ],
  },
  TrashedNote: {
    allOf: [
      ref('NoteSummary'),
      object({ role: string, deletedAt: time, deletedBy: { oneOf: [ref('Person'), { type: 'null' }] } }),
    ],
  },
  Theme: object({ id: string, name: string, color: string, createdAt: time }),
  Template: object({ id: string, name: string, description: string, createdAt: time, updatedAt: time }),
  SnippetPart: object({ text: string, match: { type: 'boolean' } }),
  SearchResults: object({
    query: string,
    total: { type: 'integer' },
    hits: {
      type: 'array',
      items: object({
        note: ref('NoteView'),
        title: list('SnippetPart'),
        snippets: { type: 'array', items: list('SnippetPart') },
      }),
    },
  }),
};

const OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/session',
    summary: 'Who is signed in, if anyone',
    tag: 'Session',
    access: 'public',
    ok: [200, null],
  },
  {
    method: 'post',
    path: '/session',
    summary: 'Sign in',
    tag: 'Session',
    access: 'public',
    body: signInRequest,
    ok: [200, null],
  },
  { method: 'delete', path: '/session', summary: 'Sign out', tag: 'Session', access: 'session', ok: [204, null] },
  {
    method: 'post',
    path: '/setup',
    summary: 'Create the first administrator with the printed setup token',
    tag: 'Session',
    access: 'public',
    body: setupRequest,
    ok: [201, null],
  },
  {
    method: 'post',
    path: '/invitations/accept',
    summary: 'Choose a password through an invitation or reset link',
    tag: 'Session',
    access: 'public',
    body: acceptInvitationRequest,
    ok: [200, null],
  },
  {
    method: 'post',
    path: '/share-links/redeem',
    summary: "Exchange a share link's token for access to its note",
    tag: 'Session',
    access: 'public',
    body: redeemShareLinkRequest,
    ok: [200, null],
  },
  {
    method: 'post',
    path: '/account/password',
    summary: 'Change your password; ends your other sessions',
    tag: 'Account',
    access: 'account',
    body: changePasswordRequest,
    ok: [204, null],
  },
  {
    method: 'post',
    path: '/account/sign-out-everywhere',
    summary: 'End all your sessions',
    tag: 'Account',
    access: 'account',
    ok: [204, null],
  },
  {
    method: 'get',
    path: '/people',
    summary: 'Active accounts, to share notes with',
    tag: 'Account',
    access: 'account',
    ok: [200, null],
  },
  {
    method: 'get',
    path: '/notes',
    summary: 'Notes you may read, filtered and sorted',
    tag: 'Notes',
    access: 'session',
    query: listNotesQuery,
    ok: [200, 'NoteView[]'],
  },
  {
    method: 'post',
    path: '/notes',
    summary: 'Create a note, empty or from a template',
    tag: 'Notes',
    access: 'account',
    body: createNoteRequest,
    ok: [201, 'NoteDetail'],
  },
  {
    method: 'post',
    path: '/notes/import',
    summary: 'Create a note from a Markdown, HTML, Word or text file sent as the raw body, its Content-Type naming it',
    tag: 'Notes',
    access: 'account',
    query: importQuery,
    ok: [201, 'NoteDetail'],
  },
  {
    method: 'get',
    path: '/notes/{noteId}',
    summary: 'One note, with its status history',
    tag: 'Notes',
    access: 'session',
    ok: [200, 'NoteDetail'],
  },
  {
    method: 'patch',
    path: '/notes/{noteId}',
    summary: 'Rename a note or change its theme (editors)',
    tag: 'Notes',
    access: 'session',
    body: updateNoteRequest,
    ok: [200, 'NoteDetail'],
  },
  {
    method: 'put',
    path: '/notes/{noteId}/status',
    summary: 'Move a note along the workflow (editors)',
    tag: 'Notes',
    access: 'session',
    body: setStatusRequest,
    ok: [200, 'NoteDetail'],
  },
  {
    method: 'post',
    path: '/notes/{noteId}/duplicate',
    summary: 'Copy a note into a new draft you own',
    tag: 'Notes',
    access: 'account',
    body: duplicateNoteRequest,
    ok: [201, 'NoteDetail'],
  },
  {
    method: 'delete',
    path: '/notes/{noteId}',
    summary: 'Put a note in the trash (owners)',
    tag: 'Notes',
    access: 'session',
    ok: [204, null],
  },
  {
    method: 'get',
    path: '/notes/{noteId}/export',
    summary: 'A note as a PDF, Word, Markdown, HTML or text file to download (anyone who may read it)',
    tag: 'Notes',
    access: 'session',
    query: exportQuery,
    ok: [200, null],
  },
  {
    method: 'get',
    path: '/notes/{noteId}/print',
    summary: 'A note as a print-ready HTML document (anyone who may read it)',
    tag: 'Notes',
    access: 'session',
    query: printNoteQuery,
    ok: [200, null],
  },
  {
    method: 'get',
    path: '/notes/{noteId}/versions',
    summary: "A note's versions, newest first (anyone who may read it)",
    tag: 'Versions',
    access: 'session',
    ok: [200, 'VersionSummary[]'],
  },
  {
    method: 'post',
    path: '/notes/{noteId}/versions',
    summary: 'Freeze the note as it is now under a name (editors and owners)',
    tag: 'Versions',
    access: 'session',
    body: createVersionRequest,
    ok: [201, 'VersionSummary'],
  },
  {
    method: 'get',
    path: '/notes/{noteId}/versions/compare',
    summary:
      'Two versions, or a version and the note now (to=current), compared: the newer content with inserted and deleted text marked and credited to its authors (anyone who may read the note)',
    tag: 'Versions',
    access: 'session',
    ok: [200, null],
  },
  {
    method: 'get',
    path: '/notes/{noteId}/authors',
    summary: 'Everyone who wrote in the note, with the Yjs client ids they wrote under (anyone who may read it)',
    tag: 'Versions',
    access: 'session',
    ok: [200, null],
  },
  {
    method: 'get',
    path: '/notes/{noteId}/versions/{versionId}',
    summary: 'One version with its content (anyone who may read the note)',
    tag: 'Versions',
    access: 'session',
    ok: [200, 'VersionDetail'],
  },
  {
    method: 'post',
    path: '/notes/{noteId}/versions/{versionId}/restore',
    summary: 'Bring a version back as a new change everyone receives live (editors and owners)',
    tag: 'Versions',
    access: 'session',
    ok: [200, 'VersionSummary'],
  },
  {
    method: 'get',
    path: '/notes/{noteId}/sharing',
    summary: 'Who a note is shared with (owners)',
    tag: 'Sharing',
    access: 'session',
    ok: [200, null],
  },
  {
    method: 'put',
    path: '/notes/{noteId}/members',
    summary: 'Give a person a role on a note (owners)',
    tag: 'Sharing',
    access: 'account',
    body: setMemberRequest,
    ok: [200, null],
  },
  {
    method: 'delete',
    path: '/notes/{noteId}/members/{userId}',
    summary: "Remove a person's role (owners)",
    tag: 'Sharing',
    access: 'account',
    ok: [204, null],
  },
  {
    method: 'post',
    path: '/notes/{noteId}/links',
    summary: 'Create a share link (owners)',
    tag: 'Sharing',
    access: 'account',
    body: createShareLinkRequest,
    ok: [201, null],
  },
  {
    method: 'delete',
    path: '/notes/{noteId}/links/{linkId}',
    summary: 'Revoke a share link (owners)',
    tag: 'Sharing',
    access: 'account',
    ok: [204, null],
  },
  {
    method: 'get',
    path: '/trash',
    summary: 'Notes in the trash that you may restore or delete',
    tag: 'Trash',
    access: 'session',
    ok: [200, 'TrashedNote[]'],
  },
  {
    method: 'post',
    path: '/trash/{noteId}/restore',
    summary: 'Bring a note back from the trash',
    tag: 'Trash',
    access: 'session',
    ok: [200, 'NoteDetail'],
  },
  {
    method: 'delete',
    path: '/trash/{noteId}',
    summary: 'Delete a trashed note for good; offline copies can never bring it back',
    tag: 'Trash',
    access: 'session',
    ok: [204, null],
  },
  { method: 'get', path: '/themes', summary: 'Every theme', tag: 'Themes', access: 'session', ok: [200, 'Theme[]'] },
  {
    method: 'post',
    path: '/themes',
    summary: 'Add a theme',
    tag: 'Themes',
    access: 'account',
    body: createThemeRequest,
    ok: [201, 'Theme'],
  },
  {
    method: 'patch',
    path: '/themes/{themeId}',
    summary: 'Rename or recolour a theme',
    tag: 'Themes',
    access: 'account',
    body: updateThemeRequest,
    ok: [200, 'Theme'],
  },
  {
    method: 'delete',
    path: '/themes/{themeId}',
    summary: 'Remove a theme; its notes keep going, without theme',
    tag: 'Themes',
    access: 'admin',
    ok: [204, null],
  },
  {
    method: 'get',
    path: '/templates',
    summary: 'Every template',
    tag: 'Templates',
    access: 'account',
    ok: [200, 'Template[]'],
  },
  {
    method: 'post',
    path: '/templates',
    summary: "Save a note's content as a template",
    tag: 'Templates',
    access: 'admin',
    body: createTemplateRequest,
    ok: [201, 'Template'],
  },
  {
    method: 'patch',
    path: '/templates/{templateId}',
    summary: 'Rename a template or change its description',
    tag: 'Templates',
    access: 'admin',
    body: updateTemplateRequest,
    ok: [200, 'Template'],
  },
  {
    method: 'delete',
    path: '/templates/{templateId}',
    summary: 'Remove a template',
    tag: 'Templates',
    access: 'admin',
    ok: [204, null],
  },
  {
    method: 'get',
    path: '/search',
    summary: 'Search the titles and content of the notes you may read',
    tag: 'Search',
    access: 'session',
    query: searchQuery,
    ok: [200, 'SearchResults'],
  },
  {
    method: 'get',
    path: '/events',
    summary: 'Server-Sent Events naming what changed: `notes` (with ids), `themes`, `templates`',
    tag: 'Search',
    access: 'session',
    ok: [200, null],
  },
  { method: 'get', path: '/users', summary: 'Every account', tag: 'Administration', access: 'admin', ok: [200, null] },
  {
    method: 'post',
    path: '/users',
    summary: 'Create an account and its invitation link',
    tag: 'Administration',
    access: 'admin',
    body: createUserRequest,
    ok: [201, null],
  },
  {
    method: 'patch',
    path: '/users/{userId}',
    summary: 'Rename, promote or disable an account',
    tag: 'Administration',
    access: 'admin',
    body: updateUserRequest,
    ok: [200, null],
  },
  {
    method: 'post',
    path: '/users/{userId}/reset',
    summary: 'A new password link for an account',
    tag: 'Administration',
    access: 'admin',
    ok: [200, null],
  },
  {
    method: 'get',
    path: '/sessions',
    summary: 'Open sessions',
    tag: 'Administration',
    access: 'admin',
    ok: [200, null],
  },
  {
    method: 'delete',
    path: '/sessions',
    summary: 'End every session but yours',
    tag: 'Administration',
    access: 'admin',
    ok: [200, null],
  },
  {
    method: 'delete',
    path: '/sessions/{sessionId}',
    summary: 'End one session',
    tag: 'Administration',
    access: 'admin',
    ok: [204, null],
  },
  {
    method: 'get',
    path: '/audit',
    summary: 'The audit log, newest first',
    tag: 'Administration',
    access: 'admin',
    ok: [200, null],
  },
  {
    method: 'post',
    path: '/packs',
    summary: 'A briefing pack of notes you may read, as one PDF (503 printUnavailable without Chromium)',
    tag: 'Notes',
    access: 'session',
    body: packRequest,
    ok: [200, null],
  },
  {
    method: 'get',
    path: '/packs/sources',
    summary:
      'Which version a pack would print of each note, and the last pack that printed it (anyone who may read them)',
    tag: 'Notes',
    access: 'session',
    query: packSourcesQuery,
    ok: [200, 'PackSources'],
  },
  {
    method: 'post',
    path: '/packs/html',
    summary: 'The same briefing pack as HTML, for the browser to print',
    tag: 'Notes',
    access: 'session',
    body: packRequest,
    ok: [200, null],
  },
];

const ACCESS_NOTE: Record<Access, string> = {
  public: 'No session needed.',
  session: 'Needs a session: an account, or share links for their notes.',
  account: 'Needs a signed-in account.',
  admin: 'Administrators only.',
};

function inputSchema(schema: z.ZodType): JsonSchema {
  // Each schema sits inside the document, which names the dialect once.
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  return json;
}

function parametersOf(operation: Operation): JsonSchema[] {
  const inPath = [...operation.path.matchAll(/\{(\w+)\}/g)].map((match) => ({
    name: match[1],
    in: 'path',
    required: true,
    schema: string,
  }));
  if (!operation.query) return inPath;
  const query = inputSchema(operation.query) as { properties?: Record<string, JsonSchema>; required?: string[] };
  const inQuery = Object.entries(query.properties ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: query.required?.includes(name) ?? false,
    schema,
  }));
  return [...inPath, ...inQuery];
}

function responseSchema(name: string): JsonSchema {
  return name.endsWith('[]') ? list(name.slice(0, -2)) : ref(name);
}

/** The OpenAPI 3.1 description of the JSON API under `/api`, built from the same schemas that validate requests. */
export function createOpenApiDocument(): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const operation of OPERATIONS) {
    const [status, schema] = operation.ok;
    paths[operation.path] ??= {};
    (paths[operation.path] as Record<string, JsonSchema>)[operation.method] = {
      summary: operation.summary,
      description: ACCESS_NOTE[operation.access],
      tags: [operation.tag],
      parameters: parametersOf(operation),
      ...(operation.body && {
        requestBody: { required: true, content: { 'application/json': { schema: inputSchema(operation.body) } } },
      }),
      responses: {
        [status]: {
          description: 'Success',
          ...(schema && { content: { 'application/json': { schema: responseSchema(schema) } } }),
        },
        default: {
          description: 'An error, with a message a person can read',
          content: { 'application/json': { schema: ref('Error') } },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Plume',
      version: '1',
      description:
        'The JSON API of a Plume server. Sessions are a cookie; requests that change something must send JSON and come from the app itself (same origin).',
    },
    servers: [{ url: '/api' }],
    paths,
    components: { schemas: SCHEMAS },
  };
}

/** Every documented operation as `METHOD /path`, for tests that hold the document to the routes. */
export const DOCUMENTED_OPERATIONS = OPERATIONS.map(
  (operation) => `${operation.method.toUpperCase()} ${operation.path}`,
);
