import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { AuditEntry, NoteDetail, Theme } from '@plume/protocol';
import {
  addTestMember,
  connectTestClient,
  createTestAccount,
  createTestNote,
  startTestServer,
  type TestAccount,
  type TestServer,
  testApi,
} from '@plume/server/testing';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import * as Y from 'yjs';
import { ARTIFACTS_DIR, addSessionCookie, DESKTOP, keepScreenshot, PHONE, useChromiumPages } from './browser.ts';

const run = promisify(execFile);

/** Debian's Chromium, or the one CHROMIUM_PATH names: the server renders packs with it. */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Why the tests that need Chromium are skipped; in CI they run, and fail, without it. */
const SKIP_REASON =
  existsSync(CHROMIUM_PATH) || process.env.CI === 'true'
    ? null
    : `no Chromium at ${CHROMIUM_PATH}: install chromium or set CHROMIUM_PATH (with CI=true this fails)`;
/** DOCUMENT_FIELD of @plume/editor-schema: the Y.XmlFragment of a note, named here since tests cannot import it. */
const DOCUMENT_FIELD = 'default';
const MARKING = 'Confidentiel — ne pas diffuser';
const HOSTILE = '</style><script>alert(1)</script>';

/** A block of a note, as the editor's schema shapes it. */
type Block = { heading: string; level: 2 | 3 } | { paragraph: string } | { table: readonly (readonly string[])[] };

/** A note to seed: its title, theme, status and content. */
type SeedNote = { title: string; theme: string | null; validated: boolean; blocks: Block[] };

const SENTENCE =
  'Le texte suit son cours, chiffré et sourcé, pour que la candidate lise en quelques minutes ce qui compte vraiment. ';
const prose = (count: number, label: string): Block[] =>
  Array.from({ length: count }, (_, index) => ({ paragraph: `${label} ${index + 1}. ${SENTENCE.repeat(3)}` }));

const NOTES: Record<'health' | 'hostile' | 'housing' | 'budget' | 'security', SeedNote> = {
  health: {
    title: 'Déserts médicaux',
    theme: 'Santé',
    validated: true,
    blocks: [
      { heading: 'Contexte', level: 2 },
      ...prose(6, 'Contexte'),
      { heading: 'Chiffres clés', level: 3 },
      {
        table: [
          ['Département', 'Médecins pour 100 000', 'Évolution'],
          ['Cher', '58', '−12 %'],
          ['Eure', '61', '−9 %'],
          ['Indre', '63', '−7 %'],
        ],
      },
      { heading: 'Propositions', level: 2 },
      ...prose(10, 'Proposition'),
    ],
  },
  hostile: {
    title: HOSTILE,
    theme: null,
    validated: false,
    blocks: [{ paragraph: 'Une note courte au titre piégé.' }],
  },
  housing: {
    title: 'Encadrement des loyers',
    theme: 'Logement',
    validated: true,
    blocks: [{ heading: 'Constat', level: 2 }, ...prose(30, 'Constat'), { heading: 'Sources', level: 2 }],
  },
  budget: { title: 'Chiffrage du programme', theme: 'Budget', validated: false, blocks: prose(2, 'Poste') },
  security: { title: 'Sécurité du quotidien', theme: 'Santé', validated: false, blocks: prose(12, 'Point') },
};
/** The order the pack prints them in: not the order they were created in. */
const ORDER = ['housing', 'hostile', 'health', 'budget', 'security'] as const;

/** Writes blocks into a note's document as the browser editor shapes them. */
function writeBlocks(doc: Y.Doc, blocks: readonly Block[]): void {
  const textElement = (name: string, text: string, attributes: Record<string, unknown> = {}) => {
    const element = new Y.XmlElement(name);
    for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value as string);
    element.insert(0, [new Y.XmlText(text)]);
    return element;
  };
  const fragment = doc.getXmlFragment(DOCUMENT_FIELD);
  doc.transact(() => {
    fragment.insert(
      fragment.length,
      blocks.map((block) => {
        if ('heading' in block) return textElement('heading', block.heading, { level: block.level });
        if ('paragraph' in block) return textElement('paragraph', block.paragraph);
        const table = new Y.XmlElement('table');
        table.insert(
          0,
          block.table.map((cells, rowIndex) => {
            const row = new Y.XmlElement('tableRow');
            row.insert(
              0,
              cells.map((cell) => {
                const element = new Y.XmlElement(rowIndex === 0 ? 'tableHeader' : 'tableCell');
                element.insert(0, [textElement('paragraph', cell)]);
                return element;
              }),
            );
            return row;
          }),
        );
        return table;
      }),
    );
  });
}

/** The text of every page of a PDF, read by poppler as a person would read the printed sheet. */
async function pagesOf(pdf: Uint8Array, name: string): Promise<{ path: string; pages: string[] }> {
  const path = join(ARTIFACTS_DIR, `${name}.pdf`);
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  await writeFile(path, pdf);
  const { stdout: info } = await run('pdfinfo', [path]);
  const count = Number(/^Pages:\s+(\d+)$/m.exec(info)?.[1]);
  expect(count).toBeGreaterThan(2);
  const pages: string[] = [];
  for (let page = 1; page <= count; page++) {
    const { stdout } = await run('pdftotext', ['-f', String(page), '-l', String(page), '-layout', path, '-']);
    pages.push(stdout);
  }
  return { path, pages };
}

/** One line of text per visual line, spaces collapsed, for matching across the layout's columns. */
const lines = (page: string) =>
  page
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '');

/** The page numbers the table of contents gives, in its order, with the titles it gives them for. */
function tableOfContents(page: string, titles: readonly string[]): number[] {
  const text = lines(page);
  return titles.map((title) => {
    const at = text.findIndex((line) => line.includes(title));
    // The number closes the entry's first line: the theme's, when the note has one.
    const number = [text[at], text[at - 1]].map((line) => /\s(\d+)$/.exec(line ?? '')?.[1]).find(Boolean);
    if (at < 0 || !number) throw new Error(`the table of contents has no number for "${title}":\n${page}`);
    return Number(number);
  });
}

describe.skipIf(SKIP_REASON !== null)(
  `the briefing pack, rendered by the server's Chromium${SKIP_REASON ? ` (skipped: ${SKIP_REASON})` : ''}`,
  () => {
    const { newPage } = useChromiumPages();
    let server: TestServer;
    let marie: TestAccount;
    const ids = new Map<keyof typeof NOTES, string>();
    const idOf = (key: keyof typeof NOTES) => ids.get(key) as string;
    const body = (overrides: Record<string, unknown> = {}) => ({
      noteIds: ORDER.map(idOf),
      cover: { title: 'Dossier du 2 décembre', date: '2026-12-02', recipient: 'La candidate' },
      paper: 'A4',
      doubleSided: false,
      largeType: false,
      ...overrides,
    });

    async function postPack(json: unknown, cookie = server.admin.cookie): Promise<Response> {
      return fetch(`${server.url}/api/packs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify(json),
      });
    }

    beforeAll(async () => {
      server = await startTestServer({ webRoot: inject('webRoot'), chromiumPath: CHROMIUM_PATH });
      marie = await createTestAccount(server, { email: 'marie@plume.test', name: 'Marie Dupont' });
      const api = testApi(server.url, server.admin.cookie);
      const themes = new Map((await api.get<Theme[]>('/themes')).body.map((theme) => [theme.name, theme.id]));
      for (const name of ['Santé', 'Logement', 'Budget']) {
        if (!themes.has(name)) themes.set(name, (await api.post<Theme>('/themes', { name })).body.id);
      }
      for (const [key, note] of Object.entries(NOTES) as [keyof typeof NOTES, SeedNote][]) {
        const id = await createTestNote(server, note.title);
        ids.set(key, id);
        if (note.theme) await api.patch(`/notes/${id}`, { themeId: themes.get(note.theme) });
        const client = connectTestClient(server.wsUrl, id, { cookie: server.admin.cookie });
        await client.synced();
        writeBlocks(client.doc, note.blocks);
        // The server has the note once its copy holds every block.
        await vi.waitFor(() =>
          expect(server.rooms.peek(id)?.doc.getXmlFragment(DOCUMENT_FIELD).length).toBe(note.blocks.length),
        );
        // Validated once written, as people do: the pack prints the version frozen then.
        if (note.validated) await api.put(`/notes/${id}/status`, { status: 'validated' });
        client.destroy();
      }
      await addTestMember(server, idOf('health'), marie.email, 'viewer');
    });
    afterAll(async () => {
      await server?.dispose();
    });

    it('prints the chosen notes as one PDF whose table of contents gives the right pages', async () => {
      const response = await postPack(body());
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toMatch(
        /^attachment; filename="Dossier-du-2-decembre-2026-12-02\.pdf"; filename\*=UTF-8''/,
      );
      const { path, pages } = await pagesOf(new Uint8Array(await response.arrayBuffer()), 'briefing-pack');
      const count = pages.length;
      const titles = ORDER.map((key) => NOTES[key].title);

      expect(pages[0]).toContain('Dossier du 2 décembre');
      expect(pages[0]).toContain('La candidate');
      for (let page = 2; page <= count; page++) {
        expect(pages[page - 1], `page ${page}`).toContain(`Page ${page} / ${count}`);
        expect(pages[page - 1], `page ${page}`).toContain(MARKING);
      }

      const toc = tableOfContents(pages[1] as string, titles);
      // The notes come in the chosen order, each on a new page after the previous one.
      for (let index = 1; index < toc.length; index++) expect(toc[index]).toBeGreaterThan(toc[index - 1] as number);
      expect(toc[0]).toBe(3);
      expect(toc.at(-1)).toBeLessThanOrEqual(count);
      ORDER.forEach((key, index) => {
        const start = toc[index] as number;
        const end = (toc[index + 1] ?? count + 1) - 1;
        const note = NOTES[key];
        // The title is printed first on the page the table of contents gives.
        const firstPage = pages.findIndex((text, page) => page >= 2 && text.includes(note.title)) + 1;
        expect(firstPage, note.title).toBe(start);
        for (let page = start; page <= end; page++) {
          const header = lines(pages[page - 1] as string)[0] ?? '';
          expect(header, `running header of page ${page}`).toContain(note.title);
          if (note.theme) expect(header, `running header of page ${page}`).toContain(note.theme);
        }
      });
      // The long notes take several pages: the pack is more than one page per note.
      expect(count).toBeGreaterThan(2 + ORDER.length);
      expect(pages.join('\n')).toContain('Médecins pour 100 000');
      expect(pages.join('\n')).toContain(HOSTILE);

      for (const [name, page] of [
        ['cover', 1],
        ['contents', 2],
        ['note', toc[2] as number],
      ] as const) {
        await run('pdftoppm', [
          '-png',
          '-r',
          '60',
          '-f',
          String(page),
          '-l',
          String(page),
          '-singlefile',
          path,
          join(ARTIFACTS_DIR, `briefing-pack-${name}`),
        ]);
      }
    });

    it('starts every note on a right-hand page when printed double-sided, after an empty left-hand page', async () => {
      const response = await postPack(body({ doubleSided: true, paper: 'Letter' }));
      expect(response.status).toBe(200);
      const { pages } = await pagesOf(new Uint8Array(await response.arrayBuffer()), 'briefing-pack-double-sided');
      const count = pages.length;
      const toc = tableOfContents(
        pages[1] as string,
        ORDER.map((key) => NOTES[key].title),
      );
      for (const start of toc) expect(start % 2, `note starting on page ${start}`).toBe(1);
      const blanks = pages.flatMap((text, index) => (text.trim() === '' ? [index + 1] : []));
      // The one-page note with the hostile title ends on an odd page: the next note needs a blank.
      expect(blanks.length).toBeGreaterThan(0);
      for (const blank of blanks) {
        expect(blank % 2, `blank page ${blank}`).toBe(0);
        expect(toc, `blank page ${blank}`).toContain(blank + 1);
      }
      for (let page = 2; page <= count; page++) {
        if (blanks.includes(page)) continue;
        expect(pages[page - 1], `page ${page}`).toContain(`Page ${page} / ${count}`);
      }
      ORDER.forEach((key, index) => {
        const firstPage = pages.findIndex((text, page) => page >= 2 && text.includes(NOTES[key].title)) + 1;
        expect(firstPage, NOTES[key].title).toBe(toc[index]);
      });
    });

    it('prints the large-type edition on more pages, its table of contents still right', async () => {
      const [normal = [], large = []] = await Promise.all(
        [false, true].map(async (largeType) => {
          const response = await postPack(body({ largeType }));
          expect(response.status).toBe(200);
          const name = largeType ? 'briefing-pack-large-type' : 'briefing-pack-regular';
          return (await pagesOf(new Uint8Array(await response.arrayBuffer()), name)).pages;
        }),
      );
      expect(normal.length).toBeGreaterThan(2);
      expect(large.length).toBeGreaterThan(normal.length);
      const toc = tableOfContents(
        large[1] as string,
        ORDER.map((key) => NOTES[key].title),
      );
      ORDER.forEach((key, index) => {
        const firstPage = large.findIndex((text, page) => page >= 2 && text.includes(NOTES[key].title)) + 1;
        expect(firstPage, NOTES[key].title).toBe(toc[index]);
      });
    });

    it('adds a page of what changed since the last pack after the contents, the contents still right', async () => {
      const noteIds = [idOf('budget'), idOf('hostile')];
      expect((await postPack(body({ noteIds }))).status).toBe(200);
      const client = connectTestClient(server.wsUrl, idOf('budget'), { cookie: server.admin.cookie });
      try {
        await client.synced();
        writeBlocks(client.doc, [{ paragraph: 'Nouveau poste : 12 M€ pour la santé.' }]);
        await vi.waitFor(() =>
          expect(server.rooms.peek(idOf('budget'))?.doc.getXmlFragment(DOCUMENT_FIELD).length).toBe(
            NOTES.budget.blocks.length + 1,
          ),
        );
      } finally {
        client.destroy();
      }
      const response = await postPack(body({ noteIds, sinceLastPack: true }));
      expect(response.status).toBe(200);
      const { pages } = await pagesOf(new Uint8Array(await response.arrayBuffer()), 'briefing-pack-since-last');
      const changes = lines(pages[2] as string).join('\n');
      expect(changes).toContain('Modifié depuis le dernier dossier');
      expect(changes).toContain('Nouveau poste : 12 M€ pour la santé.');
      expect(changes).toContain('Inchangée');
      expect(pages[2]).toContain(`Page 3 / ${pages.length}`);
      const toc = tableOfContents(pages[1] as string, [NOTES.budget.title, HOSTILE]);
      expect(toc[0]).toBe(4);
      expect(pages[3]).toContain(NOTES.budget.title);
      expect(pages[(toc[1] as number) - 1]).toContain(HOSTILE);
    });

    it('records each printed note in the audit log', async () => {
      const audit = await testApi(server.url, server.admin.cookie).get<AuditEntry[]>('/audit?limit=500');
      const printed = audit.body.filter((entry) => entry.action === 'note.printed' && entry.detail.pack === true);
      for (const key of ORDER) expect(printed.map((entry) => entry.noteId)).toContain(idOf(key));
    });

    it('refuses the whole pack, naming nothing, to someone who cannot read one of its notes', async () => {
      const response = await postPack(body({ noteIds: [idOf('health'), idOf('budget')] }), marie.cookie);
      expect(response.status).toBe(404);
      const text = await response.text();
      expect(JSON.parse(text)).toMatchObject({ error: { code: 'noteNotFound' } });
      expect(text).not.toContain(idOf('budget'));
      expect(text).not.toContain(NOTES.budget.title);
      const html = await fetch(`${server.url}/api/packs/html`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: marie.cookie },
        body: JSON.stringify(body({ noteIds: [idOf('health')] })),
      });
      expect(html.status).toBe(200);
    });

    it('refuses malformed packs with a message saying what is wrong', async () => {
      for (const [json, message] of [
        [body({ noteIds: [] }), /at least one note/],
        [body({ noteIds: [idOf('health'), idOf('health')] }), /only once/],
        [body({ paper: 'A3' }), /paper/],
        [body({ cover: { title: 'x', date: '2026-02-30', recipient: '' } }), /date/],
      ] as const) {
        const response = await postPack(json);
        expect(response.status).toBe(400);
        expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(message);
      }
    });

    it('answers the same pack as HTML for the browser to print, escaped and without scripts', async () => {
      const response = await fetch(`${server.url}/api/packs/html`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: server.admin.cookie },
        body: JSON.stringify(body()),
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
      const html = await response.text();
      expect(html).not.toMatch(/<script/i);
      expect(html).toContain('&lt;/style&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    });

    it('lets a person choose, order and print a pack from the pack page', async () => {
      const page = await newPage(DESKTOP);
      await addSessionCookie(page.context(), server.url, server.admin.cookie);
      await page.goto(`${server.url}/pack`);
      await page.getByLabel('Thème').selectOption({ label: 'Santé' });
      await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
      const order = page.getByRole('list', { name: 'Ordre du dossier' });
      await expect
        .poll(() => order.getByRole('listitem').allTextContents())
        .toEqual([expect.stringContaining(NOTES.health.title)]);
      await page.getByRole('checkbox', { name: NOTES.budget.title }).check();
      await page.getByRole('checkbox', { name: NOTES.housing.title }).check();
      await page.getByRole('button', { name: `Monter « ${NOTES.housing.title} »` }).click();
      await expect
        .poll(() => order.getByRole('listitem').allTextContents())
        .toEqual([
          expect.stringContaining(NOTES.health.title),
          expect.stringContaining(NOTES.housing.title),
          expect.stringContaining(NOTES.budget.title),
        ]);
      await page.getByLabel('Destinataire').fill('La candidate');
      await page.getByLabel('Recto-verso', { exact: false }).check();
      await keepScreenshot(page, 'briefing-pack-page');
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Produire le PDF' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/\.pdf$/);
      const saved = join(await mkdtemp(join(tmpdir(), 'plume-pack-')), 'pack.pdf');
      await file.saveAs(saved);
      const { stdout } = await run('pdftotext', ['-layout', saved, '-']);
      expect(stdout.indexOf(NOTES.housing.title)).toBeLessThan(stdout.lastIndexOf(NOTES.budget.title));
      await rm(saved, { force: true });

      const phone = await newPage(PHONE);
      await addSessionCookie(phone.context(), server.url, server.admin.cookie);
      await phone.goto(`${server.url}/pack`);
      await expect.poll(() => phone.getByRole('checkbox').count()).toBeGreaterThan(3);
      const width = await phone.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(PHONE.width);
      await keepScreenshot(phone, 'briefing-pack-page-phone');
    });

    it('offers to print the pack from the browser when the server has no Chromium', async () => {
      const bare = await startTestServer({ webRoot: inject('webRoot'), chromiumPath: '/nonexistent/chromium' });
      try {
        const noteId = await createTestNote(bare, 'Note à imprimer soi-même');
        const page = await newPage(DESKTOP);
        await addSessionCookie(page.context(), bare.url, bare.admin.cookie);
        await page.goto(`${bare.url}/pack`);
        await page.getByRole('checkbox', { name: 'Note à imprimer soi-même' }).check();
        await page.getByRole('button', { name: 'Produire le PDF' }).click();
        await expect
          .poll(() => page.getByRole('alert').first().textContent())
          .toBe('Le serveur ne peut pas produire de PDF : Chromium n’est pas installé.');
        await page.getByRole('button', { name: 'Imprimer depuis le navigateur' }).click();
        const frame = page.frameLocator('iframe.pack-print-frame');
        await expect.poll(() => frame.locator('h1').allTextContents()).toEqual(['Note à imprimer soi-même']);
        expect(await page.locator('iframe.pack-print-frame').getAttribute('src')).toContain(noteId);
        await keepScreenshot(page, 'briefing-pack-page-no-chromium');
      } finally {
        await bare.dispose();
      }
    });
  },
);

describe('the briefing pack on a server without Chromium', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ webRoot: inject('webRoot'), chromiumPath: '/nonexistent/chromium' });
  });
  afterAll(() => server?.dispose());

  it('answers 503 with a message saying why, and still serves the pack as HTML', async () => {
    const noteId = await createTestNote(server, 'Note sans imprimante');
    const json = JSON.stringify({
      noteIds: [noteId],
      cover: { title: 'Dossier', date: '2026-12-02', recipient: '' },
      paper: 'A4',
      doubleSided: false,
      largeType: false,
    });
    const post = (path: string) =>
      fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: server.admin.cookie },
        body: json,
      });
    const french = await post('/api/packs');
    expect(french.status).toBe(503);
    expect(await french.json()).toEqual({
      error: {
        code: 'printUnavailable',
        message: 'Le serveur ne peut pas produire de PDF : Chromium n’est pas installé.',
      },
    });
    const english = await post('/api/packs?lang=en');
    expect(((await english.json()) as { error: { message: string } }).error.message).toBe(
      'The server cannot produce PDFs: Chromium is not installed.',
    );
    const html = await post('/api/packs/html');
    expect(html.status).toBe(200);
    expect(await html.text()).toContain('Note sans imprimante');
    // The server goes on serving everything else.
    expect((await testApi(server.url, server.admin.cookie).get<NoteDetail>(`/notes/${noteId}`)).status).toBe(200);
  });
});
