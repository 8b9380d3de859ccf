import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectTestClient,
  createTestAccount,
  createTestNote,
  createTestShareLink,
  noteText,
  startTestServer,
  type TestServer,
  typeInNote,
} from '../testing/index.ts';

// Who asks, each with the cookie their browser would send ('' for nobody).
type Who = 'anonymous' | 'viewer link' | 'editor link' | 'user without a share' | 'owner' | 'admin';

let server: TestServer;
let noteId: string;
const cookies = {} as Record<Who, string>;

beforeAll(async () => {
  server = await startTestServer();
  const owner = await createTestAccount(server, { name: 'Olivia Owner' });
  const outsider = await createTestAccount(server, { name: 'Oscar Outsider' });
  noteId = await createTestNote(server, 'Économie', owner.cookie);
  cookies.anonymous = '';
  cookies['viewer link'] = (await createTestShareLink(server, noteId, 'viewer', owner.cookie)).cookie;
  cookies['editor link'] = (await createTestShareLink(server, noteId, 'editor', owner.cookie)).cookie;
  cookies['user without a share'] = outsider.cookie;
  cookies.owner = owner.cookie;
  cookies.admin = server.admin.cookie;
});
afterAll(() => server.dispose());

function call(who: Who, method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = {};
  if (cookies[who]) headers.cookie = cookies[who];
  if (body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${server.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Whether `who`'s edit over the sync endpoint reaches the document: 'applied', 'dropped' or the close code. */
async function writeOverSync(who: Who): Promise<'applied' | 'dropped' | number> {
  const client = connectTestClient(server.wsUrl, noteId, { cookie: cookies[who] });
  try {
    const outcome = await Promise.race([
      client.synced().then(() => 'synced' as const),
      new Promise<number>((resolve) => client.provider.on('connection-close', (event) => event && resolve(event.code))),
    ]);
    if (outcome !== 'synced') return outcome;
    const dropped = await droppedCount();
    const word = `mot-${who.replace(/\s/g, '-')}`;
    typeInNote(client.doc, 0, word);
    const room = await server.rooms.acquire(noteId);
    try {
      await expect.poll(async () => noteText(room.doc).includes(word) || (await droppedCount()) > dropped).toBe(true);
      return noteText(room.doc).includes(word) ? 'applied' : 'dropped';
    } finally {
      server.rooms.release(room);
    }
  } finally {
    client.destroy();
  }
}

async function droppedCount(): Promise<number> {
  return (await server.metrics.readOnlyUpdatesDropped.get()).values[0]?.value ?? 0;
}

// One row per person: read, write, share, export over HTTP and the sync endpoint.
const MATRIX: [Who, { read: number; write: 'applied' | 'dropped' | number; share: number; export: number }][] = [
  ['anonymous', { read: 401, write: 4401, share: 401, export: 401 }],
  ['viewer link', { read: 200, write: 'dropped', share: 403, export: 200 }],
  ['editor link', { read: 200, write: 'applied', share: 403, export: 200 }],
  ['user without a share', { read: 404, write: 4404, share: 404, export: 404 }],
  ['owner', { read: 200, write: 'applied', share: 201, export: 200 }],
  ['admin', { read: 200, write: 'applied', share: 201, export: 200 }],
];

describe('the access matrix', () => {
  it.each(MATRIX)('gives %s exactly its rights', async (who, expected) => {
    const read = await call(who, 'GET', `/api/notes/${noteId}`);
    const list = await call(who, 'GET', '/api/notes');
    const share = await call(who, 'POST', `/api/notes/${noteId}/links`, { role: 'viewer' });
    const exported = await call(who, 'GET', `/api/notes/${noteId}/export?format=txt`);
    const write = await writeOverSync(who);
    expect({ read: read.status, write, share: share.status, export: exported.status }).toEqual(expected);
    // The list never shows a note one may not read, not even its title.
    const listed = list.status === 200 ? ((await list.json()) as { id: string }[]).map((note) => note.id) : [];
    expect(listed.includes(noteId)).toBe(expected.read === 200);
  });

  it.each([
    ['anonymous', 401],
    ['viewer link', 403],
    ['editor link', 403],
    ['user without a share', 404],
    ['owner', 204],
  ] as [Who, number][])('lets %s delete a note only when it owns it (%i)', async (who, status) => {
    const ownerCookie = who === 'owner' ? cookies.owner : server.admin.cookie;
    const doomed = await createTestNote(server, 'À supprimer', ownerCookie);
    if (who.endsWith('link')) {
      cookies[who] = (await createTestShareLink(server, doomed, who === 'viewer link' ? 'viewer' : 'editor')).cookie;
    }
    expect((await call(who, 'DELETE', `/api/notes/${doomed}`)).status).toBe(status);
    const stillThere = (await call('admin', 'GET', `/api/notes/${doomed}`)).status;
    expect(stillThere).toBe(status === 204 ? 404 : 200);
  });

  it('lets an admin delete any note', async () => {
    const doomed = await createTestNote(server, 'À supprimer', cookies.owner);
    expect((await call('admin', 'DELETE', `/api/notes/${doomed}`)).status).toBe(204);
    expect((await call('owner', 'GET', `/api/notes/${doomed}`)).status).toBe(404);
  });

  it('keeps everything but sign-in closed to anonymous callers', async () => {
    for (const path of ['/api/notes', '/api/users', '/api/sessions', '/api/audit', '/api/people']) {
      expect((await call('anonymous', 'GET', path)).status, path).toBe(401);
    }
    expect(await (await call('anonymous', 'GET', '/api/session')).json()).toEqual({
      user: null,
      links: [],
      setupRequired: false,
    });
  });

  it('keeps administration to admins', async () => {
    for (const who of ['owner', 'editor link', 'viewer link'] as Who[]) {
      expect((await call(who, 'GET', '/api/users')).status, who).toBe(who === 'owner' ? 403 : 401);
      expect((await call(who, 'GET', '/api/audit')).status, who).toBe(who === 'owner' ? 403 : 401);
    }
    expect((await call('admin', 'GET', '/api/users')).status).toBe(200);
  });
});
