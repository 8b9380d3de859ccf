import {
  addTestMember,
  connectTestClient,
  createFaultyDocumentStore,
  createTestAccount,
  createTestNote,
  type FaultyDocumentStore,
  noteText,
  startTestServer,
  type TestAccount,
  type TestServer,
} from '@plume/server/testing';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import {
  addSessionCookie,
  DESKTOP,
  keepScreenshot,
  PHONE,
  paragraphsOf,
  placeCaretAtEnd,
  useChromiumPages,
} from './browser.ts';

const { newPage, violations } = useChromiumPages();
const servers: TestServer[] = [];
afterEach(async () => {
  // The last started first: a restarted server uses the data directory of the one before it.
  for (const server of servers.splice(0).reverse()) await server.dispose();
});
afterAll(() => {
  expect(violations()).toEqual([]);
});

/** Starts a test server serving the web app, stopped after the test. */
async function serve(options: Parameters<typeof startTestServer>[0] = {}): Promise<TestServer> {
  const server = await startTestServer({ webRoot: inject('webRoot'), ...options });
  servers.push(server);
  return server;
}

/**
 * Opens a note in a fresh browser profile, as the server's admin unless a session cookie is given,
 * and resolves once the page says it is saved. `fakeClock` lets the test move the page's time.
 */
async function openNote(
  server: TestServer,
  noteId: string,
  options: { viewport?: { width: number; height: number }; cookie?: string; fakeClock?: boolean } = {},
): Promise<Page> {
  const page = await newPage(options.viewport ?? DESKTOP);
  if (options.fakeClock) await page.clock.install();
  await addSessionCookie(page.context(), server.url, options.cookie ?? server.admin.cookie);
  await page.goto(`${server.url}/notes/${noteId}`);
  await expect.poll(() => statusOf(page)).toBe('Enregistré');
  return page;
}

/** Creates (or finds) a signed-in account with `name` and makes it an editor of the note. */
async function newEditor(server: TestServer, noteId: string, name: string): Promise<TestAccount> {
  const email = `${name.split(' ')[0]?.toLowerCase()}@plume.test`;
  const account = await createTestAccount(server, { email, name });
  await addTestMember(server, noteId, email, 'editor');
  return account;
}

/** The names of the IndexedDB databases of the page's origin that hold notes. */
function noteDatabases(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    indexedDB
      .databases()
      .then((databases) =>
        databases.map((database) => database.name ?? '').filter((name) => name.startsWith('plume-')),
      ),
  );
}

/** The note page's save status, as the person reads it. */
function statusOf(page: Page): Promise<string | null> {
  return page.getByRole('status').first().textContent();
}

/** The note as the server holds it, read by a real y-websocket client. */
async function serverText(server: TestServer, noteId: string): Promise<string[]> {
  const client = connectTestClient(server.wsUrl, noteId, { cookie: server.admin.cookie });
  try {
    await client.synced();
    return noteText(client.doc).split('\n');
  } finally {
    client.destroy();
  }
}

/**
 * Resolves once the note's copy in the page's IndexedDB holds every change the page has made:
 * y-indexeddb starts a write with each change, and a read-only transaction on the same store starts
 * only after the read-write ones created before it have committed.
 */
function copyWritten(page: Page, noteId: string): Promise<void> {
  return page.evaluate(
    (name) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const database = request.result;
          const transaction = database.transaction('updates', 'readonly');
          transaction.oncomplete = () => {
            database.close();
            resolve();
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    `plume-note-${noteId}`,
  );
}

/**
 * Cuts a browser profile off the network. Chromium's offline emulation (as CDP's
 * Network.emulateNetworkConditions does it) fails new requests and fires `offline`, but does not
 * close a WebSocket already open: it holds its frames both ways and delivers them once back
 * online, as a TCP connection does through a train tunnel. The page learns it is offline from the
 * `offline` event; what it sends meanwhile waits in that socket.
 */
function goOffline(context: BrowserContext): Promise<void> {
  return context.setOffline(true);
}

describe('writing while the server is away', () => {
  it('says the note is offline, keeps what is typed, and sends it when the server is back', async () => {
    const first = await serve();
    const id = await createTestNote(first, 'Travail — assurance chômage');
    const page = await openNote(first, id);
    await page.locator('.tiptap').click();
    await page.keyboard.type('Avant la coupure.');

    await first.close();
    await expect.poll(() => statusOf(page)).toMatch(/^Hors ligne/);
    await page.keyboard.type(' Écrit hors ligne.');
    await expect.poll(() => statusOf(page)).toMatch(/^Hors ligne — \d modifications? en attente$/);
    await keepScreenshot(page, 'offline');

    // Sessions are kept on disk: the page's cookie still opens the note once the server is back.
    const second = await serve({ dataDir: first.dataDir, port: first.port });
    await expect.poll(() => statusOf(page), { timeout: 20_000 }).toBe('Enregistré');

    const reader = await openNote(second, id);
    await expect.poll(() => paragraphsOf(reader)).toEqual(['Avant la coupure. Écrit hors ligne.']);
  });
});

describe('one of two writers going offline', () => {
  it('counts what the offline writer types, then merges both writers’ text everywhere', async () => {
    const server = await serve();
    const id = await createTestNote(server, 'Logement — encadrement des loyers');
    // A fake clock lets the test make a pause longer than a burst of typing without waiting for it.
    const anne = await openNote(server, id, {
      viewport: PHONE,
      cookie: (await newEditor(server, id, 'Anne Martin')).cookie,
      fakeClock: true,
    });
    const bruno = await openNote(server, id, { cookie: (await newEditor(server, id, 'Bruno Petit')).cookie });

    await anne.locator('.tiptap').click();
    await anne.keyboard.type('Constat partagé.');
    await expect.poll(() => paragraphsOf(bruno)).toEqual(['Constat partagé.']);
    await expect.poll(() => statusOf(anne)).toBe('Enregistré');

    await goOffline(anne.context());
    await expect.poll(() => statusOf(anne)).toBe('Hors ligne');
    await anne.keyboard.press('Enter');
    await anne.keyboard.type('Anne écrit dans le train.');
    await expect.poll(() => statusOf(anne)).toBe('Hors ligne — 1 modification en attente');
    await anne.clock.fastForward(2000);
    await anne.keyboard.press('Enter');
    await anne.keyboard.type('Puis une deuxième idée.');
    await expect.poll(() => statusOf(anne)).toBe('Hors ligne — 2 modifications en attente');

    await bruno.locator('.tiptap p').first().click();
    await bruno.keyboard.press('End');
    await bruno.keyboard.type(' Bruno complète en ligne.');
    await expect.poll(() => statusOf(bruno)).toBe('Enregistré');
    // Anne sees nothing of Bruno's sentence yet: it waits in her socket.
    expect(await paragraphsOf(anne)).toEqual([
      'Constat partagé.',
      'Anne écrit dans le train.',
      'Puis une deuxième idée.',
    ]);
    await expect.poll(() => anne.locator('.status').getAttribute('data-status')).toBe('offline');
    await keepScreenshot(anne, 'offline-status-phone');
    await anne.setViewportSize(DESKTOP);
    await keepScreenshot(anne, 'offline-status-desktop');

    await anne.context().setOffline(false);
    const expected = [
      'Constat partagé. Bruno complète en ligne.',
      'Anne écrit dans le train.',
      'Puis une deuxième idée.',
    ];
    await expect.poll(() => paragraphsOf(anne), { timeout: 20_000 }).toEqual(expected);
    await expect.poll(() => paragraphsOf(bruno)).toEqual(expected);
    await expect.poll(() => statusOf(anne)).toBe('Enregistré');
    expect(await serverText(server, id)).toEqual(expected);
  });

  it('says « Enregistrement… », not « Enregistré », until the server’s disk has the edits', async () => {
    let store: FaultyDocumentStore | null = null;
    const server = await serve({
      wrapDocumentStore(inner) {
        store = createFaultyDocumentStore(inner);
        return store;
      },
    });
    const disk = () => store as unknown as FaultyDocumentStore;
    const id = await createTestNote(server, 'Santé — déserts médicaux');
    const page = await openNote(server, id, { viewport: PHONE });
    await page.locator('.tiptap').click();

    await goOffline(page.context());
    await page.keyboard.type('Gardé malgré la panne.');
    await expect.poll(() => statusOf(page)).toBe('Hors ligne — 1 modification en attente');
    disk().failing = true;
    try {
      // Every text the status line shows from now on, in order.
      await page.locator('.status').evaluate((status) => {
        const seen: string[] = [];
        (window as unknown as { seenStatuses: string[] }).seenStatuses = seen;
        new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, { childList: true });
      });
      await page.context().setOffline(false);

      await expect.poll(() => disk().refusedWrites).toBeGreaterThanOrEqual(1);
      await expect.poll(() => statusOf(page)).toBe('Enregistrement…');
      await keepScreenshot(page, 'offline-disk-failing-phone');
      const whileFailing = await page.evaluate(() => (window as unknown as { seenStatuses: string[] }).seenStatuses);
      expect(whileFailing).not.toContain('Enregistré');
    } finally {
      // A server whose disk never comes back could not be stopped.
      disk().failing = false;
    }
    await expect.poll(() => statusOf(page), { timeout: 20_000 }).toBe('Enregistré');
    expect(await serverText(server, id)).toEqual(['Gardé malgré la panne.']);
  });
});

describe('the copy of a note kept in the browser', () => {
  it('brings what was typed offline in a closed tab to the server when the note is opened again', async () => {
    const first = await serve();
    const id = await createTestNote(first, 'Éducation — rythmes scolaires');
    const page = await openNote(first, id);
    await placeCaretAtEnd(page);
    await page.keyboard.type('Écrit avant de fermer.');
    await expect.poll(() => statusOf(page)).toBe('Enregistré');

    // The server goes away rather than the network: Chromium's offline emulation hands a closing
    // page's held frames to the server, which would bring the text there without the copy.
    await first.close();
    await expect.poll(() => statusOf(page)).toBe('Hors ligne');
    await page.keyboard.type(' Puis dans le train.');
    await expect.poll(() => statusOf(page)).toBe('Hors ligne — 1 modification en attente');
    await copyWritten(page, id);
    const context = page.context();
    await page.close();

    const second = await serve({ dataDir: first.dataDir, port: first.port });
    expect(await serverText(second, id)).toEqual(['Écrit avant de fermer.']);
    const reopened = await context.newPage();
    await reopened.goto(`${second.url}/notes/${id}`);
    await expect.poll(() => statusOf(reopened), { timeout: 20_000 }).toBe('Enregistré');
    expect(await paragraphsOf(reopened)).toEqual(['Écrit avant de fermer. Puis dans le train.']);
    expect(await serverText(second, id)).toEqual(['Écrit avant de fermer. Puis dans le train.']);
  });

  it('is erased when access to its note is taken away, and every copy is erased at sign-out', async () => {
    const server = await serve();
    const kept = await createTestNote(server, 'Agriculture — circuits courts');
    const revoked = await createTestNote(server, 'Culture — pass jeunes');
    const claire = await newEditor(server, kept, 'Claire Roux');
    await newEditor(server, revoked, 'Claire Roux');
    const page = await openNote(server, kept, { cookie: claire.cookie });
    await page.goto(`${server.url}/notes/${revoked}`);
    await expect.poll(() => statusOf(page)).toBe('Enregistré');
    await expect
      .poll(() => noteDatabases(page))
      .toEqual(expect.arrayContaining([`plume-note-${kept}`, `plume-note-${revoked}`]));

    const removal = await fetch(`${server.url}/api/notes/${revoked}/members/${claire.id}`, {
      method: 'DELETE',
      headers: { cookie: server.admin.cookie },
    });
    expect(removal.status).toBe(200);
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Votre accès à cette note a été retiré.');
    await expect.poll(() => noteDatabases(page)).not.toContain(`plume-note-${revoked}`);
    expect(await noteDatabases(page)).toContain(`plume-note-${kept}`);

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL(/\/login/);
    await expect.poll(() => noteDatabases(page)).toEqual([]);
  });
});
