import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';

/** Debian's Chromium, or the one `CHROMIUM_PATH` names; no browser is ever downloaded. */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where screenshots are kept as test artifacts. */
export const ARTIFACTS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-results', 'e2e');

/** Launches headless Chromium with the flags this sandboxed, offline machine needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/** Saves a screenshot of the page under the artifacts directory and returns its path. */
export async function keepScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** The note's paragraphs as the person reads them, without the caret labels of others. */
export function paragraphsOf(page: Page): Promise<string[]> {
  return page.locator('.tiptap').evaluate((editor) => {
    const copy = editor.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
    return [...copy.children].map((block) => block.textContent ?? '');
  });
}

/** Puts a session cookie (`name=value`, as the test helpers return it) into a browser context. */
export async function addSessionCookie(context: BrowserContext, serverUrl: string, cookie: string): Promise<void> {
  const separator = cookie.indexOf('=');
  if (separator <= 0) throw new Error(`not a cookie: ${cookie}`);
  await context.addCookies([
    {
      name: cookie.slice(0, separator),
      value: cookie.slice(separator + 1),
      url: serverUrl,
      httpOnly: true,
      sameSite: 'Lax',
    },
  ]);
}

/** Signs in through the sign-in page, as a person would; resolves once the page has left it. */
export async function signInThroughPage(page: Page, account: { email: string; password: string }): Promise<void> {
  await page.getByLabel('Adresse e-mail').fill(account.email);
  await page.getByLabel('Mot de passe').fill(account.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
}

/** A Content-Security-Policy violation as the page reported it. */
export type CspViolation = { directive: string; blockedURI: string; sample: string; url: string };

/**
 * Collects every Content-Security-Policy violation in a browser context's pages, across
 * navigations and reloads, into the returned array.
 */
export async function collectCspViolations(context: BrowserContext): Promise<CspViolation[]> {
  const violations: CspViolation[] = [];
  await context.exposeBinding('plumeReportCspViolation', (_source, violation: CspViolation) => {
    violations.push(violation);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { plumeReportCspViolation: (violation: unknown) => void })
        .plumeReportCspViolation;
      report({
        directive: event.violatedDirective,
        blockedURI: event.blockedURI,
        sample: event.sample,
        url: event.documentURI,
      });
    });
  });
  return violations;
}

/**
 * Puts the caret at the very end of the note and resolves once the editor has taken it: after a
 * click, ProseMirror may read the browser's selection a moment later, and a key it handles itself
 * (Enter) pressed before that acts where the caret was before. Tiptap hangs its editor on the
 * element, which lets the test read the editor's own selection.
 */
export async function placeCaretAtEnd(page: Page): Promise<void> {
  await page.locator('.tiptap').click();
  await page.keyboard.press('Control+End');
  await expect
    .poll(() =>
      page.locator('.tiptap').evaluate((element) => {
        type EditorState = { selection: { head: number }; doc: { content: { size: number } } };
        const { state } = (element as unknown as { editor: { state: EditorState } }).editor;
        // The last position inside the last paragraph is one before the document's end.
        return state.selection.head === state.doc.content.size - 1;
      }),
    )
    .toBe(true);
}

/** Phone and desktop viewports the screenshots are taken at. */
export const PHONE = { width: 375, height: 740 };
export const DESKTOP = { width: 1100, height: 800 };

/**
 * One Chromium for a test file, launched before its tests and closed after them: `newPage` opens a
 * fresh French profile of the given size, and `violations` lists every CSP violation any of them saw.
 */
export function useChromiumPages(): {
  newPage(viewport: { width: number; height: number }): Promise<Page>;
  violations(): CspViolation[];
} {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const seen: CspViolation[][] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const context of contexts.splice(0)) await context.close();
    await browser?.close();
  });
  return {
    async newPage(viewport) {
      if (!browser) throw new Error('useChromiumPages: newPage before the browser started');
      const context = await browser.newContext({ viewport, locale: 'fr-FR' });
      contexts.push(context);
      seen.push(await collectCspViolations(context));
      return context.newPage();
    },
    violations: () => seen.flat(),
  };
}

/**
 * Opens `/notes/<noteId>` on a fresh page of `pages` as the session of `cookie`, and resolves once
 * the page says the note is saved ("Enregistré").
 */
export async function openNoteAs(
  pages: Pick<ReturnType<typeof useChromiumPages>, 'newPage'>,
  serverUrl: string,
  cookie: string,
  noteId: string,
  viewport = DESKTOP,
): Promise<Page> {
  const page = await pages.newPage(viewport);
  await addSessionCookie(page.context(), serverUrl, cookie);
  await page.goto(`${serverUrl}/notes/${noteId}`);
  await expect.poll(() => page.locator('.note-badges .status').textContent()).toBe('Enregistré');
  return page;
}
