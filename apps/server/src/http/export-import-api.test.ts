import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { documentUpdateFrom, noteContentOf } from '@plume/editor-schema';
import type { AuditEntry } from '@plume/protocol';
import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { noteAsDocx } from '../export/docx-export.ts';
import { CHROMIUM_SKIP_REASON } from '../pdf/chromium-test-support.ts';
import { createTestAccount, createTestNote, startTestServer, type TestServer } from '../testing/index.ts';

const HOSTILE_TITLE = '</style><script>alert(1)</script>';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const run = promisify(execFile);

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.dispose()));
});

async function serve(): Promise<TestServer> {
  const server = await startTestServer();
  servers.push(server);
  return server;
}

async function writeContent(server: TestServer, noteId: string, content: unknown): Promise<void> {
  const room = await server.rooms.acquire(noteId);
  try {
    Y.applyUpdate(room.doc, documentUpdateFrom(content));
  } finally {
    server.rooms.release(room);
  }
}

async function readContent(server: TestServer, noteId: string) {
  const room = await server.rooms.acquire(noteId);
  try {
    return noteContentOf(room.doc);
  } finally {
    server.rooms.release(room);
  }
}

function exportNote(server: TestServer, noteId: string, format: string, cookie = server.admin.cookie) {
  return fetch(`${server.url}/api/notes/${noteId}/export?format=${format}`, { headers: { cookie } });
}

function importFile(
  server: TestServer,
  body: string | Uint8Array,
  contentType: string,
  query = '',
  headers: Record<string, string> = { cookie: server.admin.cookie },
) {
  return fetch(`${server.url}/api/notes/import${query}`, {
    method: 'POST',
    headers: { 'content-type': contentType, ...headers },
    body,
  });
}

async function auditOf(server: TestServer, noteId: string): Promise<AuditEntry[]> {
  await server.auth.audit.flush();
  const answer = await fetch(`${server.url}/api/audit?noteId=${noteId}`, { headers: { cookie: server.admin.cookie } });
  return (await answer.json()) as AuditEntry[];
}

const CONTENT = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Contexte' }] },
    { type: 'paragraph', content: [{ type: 'text', text: '<img src=x onerror=alert(2)> reste du texte' }] },
  ],
};

describe('GET /api/notes/:noteId/export', () => {
  it.each([
    ['md', 'text/markdown; charset=utf-8'],
    ['txt', 'text/plain; charset=utf-8'],
    ['html', 'text/html; charset=utf-8'],
    ['docx', DOCX_TYPE],
  ])('answers %s as an attachment with a safe file name', async (format, contentType) => {
    const server = await serve();
    const noteId = await createTestNote(server, 'Réforme : état des lieux');
    await writeContent(server, noteId, CONTENT);
    const answer = await exportNote(server, noteId, format);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe(contentType);
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('content-disposition')).toBe(
      `attachment; filename="Reforme-etat-des-lieux.${format}"; filename*=UTF-8''R%C3%A9forme%20%C3%A9tat%20des%20lieux.${format}`,
    );
    if (format === 'html')
      expect(answer.headers.get('content-security-policy')).toMatch(
        /^default-src 'none'; style-src 'unsafe-inline'; font-src data:/,
      );
  });

  it('exports a hostile title as text in every text format', async () => {
    const server = await serve();
    const noteId = await createTestNote(server, HOSTILE_TITLE);
    await writeContent(server, noteId, CONTENT);

    const markdown = await (await exportNote(server, noteId, 'md')).text();
    expect(markdown.split('\n')[0]).toBe('# \\</style\\>\\<script\\>alert(1)\\</script\\>');
    expect(markdown).toContain('\\<img src=x onerror=alert(2)\\> reste du texte');

    const text = await (await exportNote(server, noteId, 'txt')).text();
    expect(text).toBe(`${HOSTILE_TITLE}\n\nContexte\n\n<img src=x onerror=alert(2)> reste du texte\n`);

    const html = await (await exportNote(server, noteId, 'html')).text();
    const { document } = parseHTML(html);
    expect(document.querySelectorAll('script')).toHaveLength(0);
    expect(document.querySelectorAll('img')).toHaveLength(0);
    expect(document.querySelectorAll('[onerror]')).toHaveLength(0);
    expect(document.body.textContent).toContain(HOSTILE_TITLE);

    const docx = new Uint8Array(await (await exportNote(server, noteId, 'docx')).arrayBuffer());
    const directory = await mkdtemp(join(tmpdir(), 'plume-export-'));
    try {
      await writeFile(join(directory, 'note.docx'), docx);
      const xml = (await run('unzip', ['-p', join(directory, 'note.docx'), 'word/document.xml'])).stdout;
      expect(xml).toContain('&lt;/style&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(xml).not.toContain('<script>');
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it.skipIf(CHROMIUM_SKIP_REASON !== null)(
    'answers a PDF rendered by Chromium',
    async () => {
      const server = await serve();
      const noteId = await createTestNote(server, 'Point de situation');
      await writeContent(server, noteId, CONTENT);
      const answer = await exportNote(server, noteId, 'pdf');
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe('application/pdf');
      expect(answer.headers.get('content-disposition')).toMatch(/^attachment; filename="Point-de-situation\.pdf"/);
      expect(
        Buffer.from(await answer.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
    },
    60_000,
  );

  it('answers 404 to an account without access and records exports in the audit log', async () => {
    const server = await serve();
    const noteId = await createTestNote(server, 'Point de situation');
    const stranger = await createTestAccount(server);
    expect((await exportNote(server, noteId, 'md', stranger.cookie)).status).toBe(404);
    expect((await exportNote(server, noteId, 'exe')).status).toBe(400);

    expect((await exportNote(server, noteId, 'md')).status).toBe(200);
    expect((await exportNote(server, noteId, 'docx')).status).toBe(200);
    const exported = (await auditOf(server, noteId)).filter((entry) => entry.action === 'note.exported');
    expect(exported.map((entry) => entry.detail?.format).sort()).toEqual(['docx', 'md']);
    expect(exported.every((entry) => entry.actor === server.admin.id)).toBe(true);
  });
});

describe('POST /api/notes/import', () => {
  it('creates a note from Markdown, titled by its first heading', async () => {
    const server = await serve();
    const answer = await importFile(server, '# Ordre du jour\n\n- **un**\n- deux\n', 'text/markdown');
    expect(answer.status).toBe(201);
    const note = (await answer.json()) as { id: string; title: string; role: string };
    expect(note.title).toBe('Ordre du jour');
    expect(answer.headers.get('location')).toBe(`/notes/${note.id}`);
    const content = await readContent(server, note.id);
    expect(content.content?.map((block) => block.type)).toEqual(['bulletList']);
    expect(JSON.stringify(content)).toContain('"type":"bold"');
    const created = (await auditOf(server, note.id)).find((entry) => entry.action === 'note.created');
    expect(created?.detail).toEqual({ importedFrom: 'markdown' });
    // The imported text is credited to whoever imported it.
    expect([...(await server.workspace.versions.authorsOf(note.id)).keys()]).toEqual([server.admin.id]);
  });

  it('creates a note from a Word file with the title given in the query', async () => {
    const server = await serve();
    const docx = await noteAsDocx(
      {
        title: 'Titre du fichier',
        theme: null,
        version: '00000000',
        date: new Date(),
        content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Bonjour' }] }] },
      },
      { marking: 'Confidentiel', language: 'fr' },
    );
    const answer = await importFile(server, docx, DOCX_TYPE, `?title=${encodeURIComponent('Mon titre')}`);
    expect(answer.status).toBe(201);
    const note = (await answer.json()) as { id: string; title: string };
    expect(note.title).toBe('Mon titre');
    expect(JSON.stringify(await readContent(server, note.id))).toContain('Bonjour');
  });

  it('reduces hostile HTML to the schema', async () => {
    const server = await serve();
    const answer = await importFile(
      server,
      '<h1 onclick="alert(1)">Titre</h1><script>alert(1)</script><p><a href="javascript:alert(1)">lien</a></p><iframe src="https://evil.example"></iframe>',
      'text/html; charset=utf-8',
    );
    expect(answer.status).toBe(201);
    const note = (await answer.json()) as { id: string };
    const json = JSON.stringify(await readContent(server, note.id));
    expect(json).not.toMatch(/script|javascript|iframe|onclick/);
    expect(json).toContain('lien');
  });

  it.each([
    ['a 6 MB file', 'x'.repeat(6 * 1024 * 1024), 'text/plain', 413, 'importTooLarge', /5 Mo/],
    ['an image', 'GIF89a', 'image/gif', 415, 'importUnsupportedType', /Markdown, HTML, Word.*Markdown, HTML, Word/],
    ['JSON', '{}', 'application/json', 415, 'importUnsupportedType', /Markdown, HTML, Word/],
    ['a corrupt Word file', 'PK\u0003\u0004 pas un docx', DOCX_TYPE, 422, 'importUnreadable', /Word/],
    [
      'text that is not UTF-8',
      new Uint8Array([0xff, 0xfe, 0x00, 0x41]),
      'text/plain',
      422,
      'importUnreadable',
      /UTF-8/,
    ],
    [
      'lists nested too deep',
      Array.from({ length: 40 }, (_, depth) => `${'  '.repeat(depth)}- niveau`).join('\n'),
      'text/markdown',
      422,
      'importTooComplex',
      /32/,
    ],
  ])('refuses %s with a clear message', async (_, body, contentType, status, code, message) => {
    const server = await serve();
    const answer = await importFile(server, body, contentType);
    expect(answer.status).toBe(status);
    const { error } = (await answer.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    const list = (await (
      await fetch(`${server.url}/api/notes`, { headers: { cookie: server.admin.cookie } })
    ).json()) as unknown[];
    expect(list).toEqual([]);
  });

  it('refuses imports without an account and from another site', async () => {
    const server = await serve();
    expect((await importFile(server, '# x', 'text/markdown', '', {})).status).toBe(401);
    const crossSite = await importFile(server, '# x', 'text/plain', '', {
      cookie: server.admin.cookie,
      'sec-fetch-site': 'cross-site',
    });
    expect(crossSite.status).toBe(403);
  });

  it('imports an exported note back with the same title and content', async () => {
    const server = await serve();
    const noteId = await createTestNote(server, 'Réforme des retraites');
    await writeContent(server, noteId, CONTENT);
    const markdown = await (await exportNote(server, noteId, 'md')).text();
    const answer = await importFile(server, markdown, 'text/markdown');
    const copy = (await answer.json()) as { id: string; title: string };
    expect(copy.title).toBe('Réforme des retraites');
    expect(await readContent(server, copy.id)).toEqual(await readContent(server, noteId));
  });
});
