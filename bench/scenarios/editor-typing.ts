import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { countWords, DOCUMENT_FIELD, documentUpdateFrom, type NoteContent } from '@plume/editor-schema';
import { connectTestClient, createTestNote, type TestClient, type TestServer } from '@plume/server/testing';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import * as Y from 'yjs';
import { quantile, sleep } from '../stats.ts';

/** Printed pages in the typed-in note, of about 450 words each: what an A4 page holds. */
export const NOTE_PAGES = 50;
/** People typing at once: one in the measured browser, the others as remote clients. */
export const TYPISTS = 5;
/** Keys timed in the browser, after as many again to warm up; one every `KEY_INTERVAL_MS`. */
const MEASURED_KEYS = 300;
const KEY_INTERVAL_MS = 100;
/** Characters per second each remote person types: a brisk writer. */
const REMOTE_CHARS_PER_SECOND = 6;

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const WORDS = (
  'le la les de des du et en un une pour par sur dans avec au que qui est sont économie dette budget ' +
  'fiscalité emploi chômage salaire retraite santé hôpital médecin climat énergie transport logement ' +
  'école université recherche sécurité justice agriculture numérique industrie europe culture jeunesse'
).split(' ');

/** What the editor scenario measured. */
export type EditorTypingResult = {
  /** Key press until the page has handled it and laid out the result, in milliseconds. */
  layoutP50: number;
  layoutP95: number;
  /** Key press until the first frame after it was produced, vsync wait included, in milliseconds. */
  frameP50: number;
  frameP95: number;
  /** Keys the browser handled; all must have reached the document. */
  keys: number;
  /** Remote edits applied in the browser while it was measured. */
  remoteEdits: number;
  noteWords: number;
  /**
   * The same note and keys in a bare Tiptap page of the same run: Plume's schema and styles, no
   * Yjs, no carets, no toolbar, no co-authors. What Blink and ProseMirror cost by themselves.
   */
  bare: KeyLatency;
};

/** Key press until the updated layout and until the next frame, p50 and p95, in milliseconds. */
export type KeyLatency = { layoutP50: number; layoutP95: number; frameP50: number; frameP95: number };

/** Gzipped and raw bytes of the JavaScript the editor page loads. */
export type BundleSize = { gzipBytes: number; rawBytes: number; files: number };

/** Builds the web app into `outDir` and weighs the scripts its page loads (gzip level 9, as served compressed). */
export async function buildWebApp(outDir: string): Promise<BundleSize> {
  await build({
    configFile: new URL('../../vite.config.ts', import.meta.url).pathname,
    // A profiled run keeps the names of functions readable; its size is then not the one to quote.
    build: { outDir, emptyOutDir: true, ...(process.env.PLUME_EDITOR_PROFILE ? { minify: false } : {}) },
    logLevel: 'warn',
  });
  return weighWebApp(outDir);
}

/** Weighs the scripts the page built into `outDir` loads (gzip level 9, as served compressed). */
export async function weighWebApp(outDir: string): Promise<BundleSize> {
  const html = await readFile(join(outDir, 'index.html'), 'utf8');
  // Every page is the one bundle the index loads, the note editor included.
  const scripts = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/([^"]+\.js)"/g)];
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const [, path] of scripts) {
    const code = await readFile(join(outDir, path as string));
    rawBytes += code.byteLength;
    gzipBytes += gzipSync(code, { level: 9 }).byteLength;
  }
  return { gzipBytes, rawBytes, files: scripts.length };
}

const EDITOR_SCHEMA_ROOT = fileURLToPath(new URL('../../packages/editor-schema/', import.meta.url));
// Not on disk: served by the build's plugin from inside the schema package, whose dependencies
// (Tiptap among them) its imports then resolve against.
const BARE_ENTRY = join(EDITOR_SCHEMA_ROOT, 'bare-editor-entry.js');

// The bare page's script: Plume's schema in a plain Tiptap editor, built as one classic script.
async function buildBareEditor(): Promise<string> {
  const output = await build({
    configFile: false,
    root: EDITOR_SCHEMA_ROOT,
    logLevel: 'warn',
    plugins: [
      {
        name: 'bare-editor-entry',
        resolveId: (id) => (id === BARE_ENTRY ? BARE_ENTRY : null),
        load: (id) =>
          id === BARE_ENTRY
            ? [
                "import { Editor } from '@tiptap/core';",
                "import { createEditorExtensions } from './src/index.ts';",
                'window.mountBareEditor = (element, content) =>',
                '  new Editor({ element, content, injectCSS: false, extensions: createEditorExtensions() });',
              ].join('\n')
            : null,
      },
    ],
    build: {
      write: false,
      lib: { entry: BARE_ENTRY, formats: ['iife'], name: 'bareEditor', fileName: 'bare-editor' },
    },
  });
  const [result] = Array.isArray(output) ? output : [output];
  const chunk = result && 'output' in result ? result.output.find((item) => item.type === 'chunk') : undefined;
  if (!chunk) throw new Error('the bare editor build produced no script');
  return chunk.code;
}

/**
 * Opens a 50-page note in headless Chromium while four remote clients type into it, types in the
 * browser at ten keys a second, and times each key from its event to the updated layout and to
 * the next frame; then types the same keys into the same note in a bare Tiptap page.
 */
export async function runEditorTyping(server: TestServer): Promise<EditorTypingResult> {
  // Built first, so that no build runs while keys are timed.
  const bareScript = await buildBareEditor();
  const noteId = await createTestNote(server, 'Programme — cinquante pages');
  const { content, words } = longNote();
  const seeder = connectTestClient(server.wsUrl, noteId, { cookie: server.admin.cookie });
  await seeder.synced();
  Y.applyUpdate(seeder.doc, documentUpdateFrom(content));
  const typists = await Promise.all(
    Array.from({ length: TYPISTS - 1 }, async () => {
      const client = connectTestClient(server.wsUrl, noteId, { cookie: server.admin.cookie });
      await client.synced();
      return client;
    }),
  );
  seeder.destroy();

  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  let typing = true;
  let remoteEdits = 0;
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const separator = server.admin.cookie.indexOf('=');
    await context.addCookies([
      {
        name: server.admin.cookie.slice(0, separator),
        value: server.admin.cookie.slice(separator + 1),
        url: server.url,
      },
    ]);
    const page = await context.newPage();
    await page.goto(`${server.url}/notes/${noteId}`);
    const lastWords = `Fin de la page ${NOTE_PAGES}.`;
    await page.waitForFunction((text) => document.querySelector('.tiptap')?.textContent?.includes(text), lastWords, {
      timeout: 60_000,
    });

    // Each remote person writes in a paragraph of their own, spread through the note.
    const remoteLoops = typists.map((client, index) =>
      typeRemotely(client, Math.floor(((index + 1) * NOTE_PAGES) / TYPISTS), index, () => typing).then((count) => {
        remoteEdits += count;
      }),
    );

    const plume = await typeAndTime(page, context);
    typing = false;
    await Promise.all(remoteLoops);
    // The bare page gets the app's styles, so that both lay out the same note the same way.
    const styles = await page.evaluate(() =>
      [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n'),
    );
    await context.close();

    const bareContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const barePage = await bareContext.newPage();
    await barePage.setContent(
      `<!doctype html><html lang="fr"><head><meta charset="utf-8"><style>${styles}</style></head><body>` +
        '<main class="page note-page"><div class="note-layout"><div class="editor-page"></div></div></main></body></html>',
    );
    await barePage.addScriptTag({ content: bareScript });
    await barePage.evaluate((note) => {
      const mount = (window as unknown as { mountBareEditor: (element: Element, content: unknown) => void })
        .mountBareEditor;
      mount(document.querySelector('.editor-page') as Element, note);
    }, content);
    await barePage.waitForFunction((text) => document.querySelector('.tiptap')?.textContent?.includes(text), lastWords);
    const bare = await typeAndTime(barePage, null);

    return {
      ...latencyOf(plume),
      keys: plume.layout.length,
      remoteEdits,
      noteWords: words,
      bare: latencyOf(bare),
    };
  } finally {
    typing = false;
    await browser.close();
    for (const client of typists) client.destroy();
  }
}

// Types the measured text at the end of a paragraph in the middle of the note and returns each
// key's timings; `profiled` is the context whose page is profiled and traced when asked.
async function typeAndTime(page: Page, profiled: BrowserContext | null): Promise<KeyTimings> {
  const paragraph = page.locator('.tiptap > p').nth(Math.floor((NOTE_PAGES / 2) * 4));
  await paragraph.scrollIntoViewIfNeeded();
  await paragraph.click();
  await page.keyboard.press('End');
  await page.evaluate(installKeyTimer);
  const browser = profiled?.browser() ?? null;
  const profiler = profiled && process.env.PLUME_EDITOR_PROFILE ? await profiled.newCDPSession(page) : null;
  await profiler?.send('Profiler.enable');
  await profiler?.send('Profiler.start');
  // A Chromium trace shows where native time goes (typing, style, layout, paint).
  const tracePath = profiled ? process.env.PLUME_EDITOR_TRACE : undefined;
  if (tracePath && browser)
    await browser.startTracing(page, { path: tracePath, categories: ['devtools.timeline', 'blink'] });
  const text = 'Le budget de la santé augmente de trois pour cent chaque année. '.repeat(20);
  await page.keyboard.type(text.slice(0, MEASURED_KEYS * 2), { delay: KEY_INTERVAL_MS });
  if (profiler) {
    const { profile } = await profiler.send('Profiler.stop');
    await writeFile(process.env.PLUME_EDITOR_PROFILE as string, JSON.stringify(profile));
  }
  if (tracePath && browser) await browser.stopTracing();
  return page.evaluate(() => (window as unknown as { plumeKeyTimings: KeyTimings }).plumeKeyTimings);
}

// The keys after the warm-up.
function latencyOf(timings: KeyTimings): KeyLatency {
  const layout = timings.layout.slice(MEASURED_KEYS);
  const frame = timings.frame.slice(MEASURED_KEYS);
  return {
    layoutP50: quantile(layout, 0.5),
    layoutP95: quantile(layout, 0.95),
    frameP50: quantile(frame, 0.5),
    frameP95: quantile(frame, 0.95),
  };
}

type KeyTimings = { layout: number[]; frame: number[] };

// Runs in the page. The layout time forces style and layout in a task queued behind the key's
// events; the frame time waits for the next frame, so it adds up to one vsync (16.7 ms) of waiting.
function installKeyTimer(): void {
  const timings: KeyTimings = { layout: [], frame: [] };
  (window as unknown as { plumeKeyTimings: KeyTimings }).plumeKeyTimings = timings;
  window.addEventListener(
    'keydown',
    (event) => {
      const pressedAt = event.timeStamp;
      setTimeout(() => {
        document.querySelector('.tiptap')?.getBoundingClientRect();
        timings.layout.push(performance.now() - pressedAt);
      }, 0);
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => timings.frame.push(performance.now() - pressedAt);
        channel.port2.postMessage(null);
      });
    },
    { capture: true },
  );
}

// Types into the paragraph at page `pageIndex` and shows a caret there, until told to stop.
async function typeRemotely(client: TestClient, pageIndex: number, who: number, going: () => boolean): Promise<number> {
  const fragment = client.doc.getXmlFragment(DOCUMENT_FIELD);
  const block = fragment.get(pageIndex * 6 + 2);
  const run = block instanceof Y.XmlElement ? block.get(0) : null;
  if (!(run instanceof Y.XmlText)) throw new Error(`no paragraph to type in on page ${pageIndex}`);
  client.provider.awareness.setLocalStateField('user', { name: `Rédacteur ${who + 1}`, color: '#1d4ed8' });
  let count = 0;
  const sentence = 'La dette publique reste sous contrôle grâce aux réformes. ';
  while (going()) {
    const offset = run.length;
    run.insert(offset, sentence[count % sentence.length] as string);
    const at = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(run, offset + 1));
    client.provider.awareness.setLocalStateField('cursor', { anchor: at, head: at });
    count++;
    await sleep(1000 / REMOTE_CHARS_PER_SECOND);
  }
  return count;
}

// Six blocks a page: a heading, four paragraphs (the last ends the page), then a list, or a table
// every fifth page. Block `page * 6 + 2` (from page 0) is always a paragraph.
function longNote(): { content: NoteContent; words: number } {
  let seed = 42;
  const next = () => {
    seed = (seed * 1_664_525 + 1_013_904_223) >>> 0;
    return seed / 2 ** 32;
  };
  const sentence = (count: number) =>
    Array.from({ length: count }, () => WORDS[Math.floor(next() * WORDS.length)]).join(' ');
  const texts: string[] = [];
  const run = (value: string) => {
    texts.push(value);
    return [{ type: 'text', text: value }];
  };
  const paragraph = (value: string): NoteContent => ({ type: 'paragraph', content: run(value) });
  const blocks: NoteContent[] = [];
  for (let page = 1; page <= NOTE_PAGES; page++) {
    blocks.push({ type: 'heading', attrs: { level: 2 }, content: run(`Partie ${page}`) });
    for (let i = 1; i <= 4; i++)
      blocks.push(paragraph(`${sentence(100)}.${i === 4 ? ` Fin de la page ${page}.` : ''}`));
    blocks.push(
      page % 5 === 0
        ? {
            type: 'table',
            content: [0, 1, 2].map((row) => ({
              type: 'tableRow',
              content: [0, 1, 2].map(() => ({
                type: row === 0 ? 'tableHeader' : 'tableCell',
                content: [paragraph(sentence(5))],
              })),
            })),
          }
        : {
            type: 'bulletList',
            content: [0, 1, 2].map(() => ({ type: 'listItem', content: [paragraph(sentence(12))] })),
          },
    );
  }
  return { content: { type: 'doc', content: blocks }, words: countWords(texts.join(' ')) };
}
