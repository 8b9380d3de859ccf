import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import type { Logger } from 'pino';
import puppeteer, { type Browser, type BrowserContext } from 'puppeteer-core';
import { ChromiumUnavailableError } from './chromium-unavailable.ts';

/** Turns complete HTML documents into PDF files. */
export type PdfRenderer = {
  /**
   * Renders `html` (a whole document whose resources are all inline or data: URLs) to a PDF with
   * its outline and tags; throws ChromiumUnavailableError when there is no browser to render with.
   */
  render(html: string): Promise<Uint8Array>;
  /**
   * Runs `work` with one page of its own that renders documents one after the other (the passes of
   * one pack), without paying for a new page each time; it takes one slot and one timeout in all.
   */
  withPage<T>(work: (render: (html: string) => Promise<Uint8Array>) => Promise<T>): Promise<T>;
  /**
   * Starts the browser and readies a fresh page for the next render, while the caller prepares
   * what to render; failures surface in that render, never here.
   */
  warmUp(): void;
  /** Whether documents may load this URL: one of the files the renderer was given. */
  serves(url: string): boolean;
  /** Closes the browser; renders started afterwards are refused. */
  close(): Promise<void>;
};

/** Where Chromium is and how long and how many renders it is given. */
export type ChromiumRendererOptions = {
  /** Absolute path of the Chromium binary (CHROMIUM_PATH). */
  executablePath: string;
  logger: Logger;
  /** Longest one render may take, queueing excluded, in milliseconds (default 30 s). */
  timeoutMs?: number;
  /**
   * Files the documents may load, by exact URL (the linked print fonts); every other request is
   * refused. None by default.
   */
  files?: ReadonlyMap<string, Uint8Array>;
  /** Renders run at once; others wait their turn (default 2). */
  maxConcurrent?: number;
};

/** Flags for a headless Chromium on a server that has no display, no GPU and no business on the network. */
const CHROMIUM_FLAGS = [
  // Chromium refuses to start its sandbox as root; any other user keeps it, as a second wall
  // behind the page's disabled scripts and refused requests.
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--headless',
  // Renders open pages of their own: the window Chromium opens at start would only cost time.
  '--no-startup-window',
];

/**
 * A PDF renderer over one Chromium kept warm: started by the first render, started again if it
 * dies, each render (or run of renders) in its own incognito context with scripts off and every
 * request refused, at most `maxConcurrent` at once.
 */
export function createChromiumRenderer(options: ChromiumRendererOptions): PdfRenderer {
  const { executablePath, logger, files = new Map<string, Uint8Array>() } = options;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const slots = createSlots(options.maxConcurrent ?? 2);
  let browser: Promise<Browser> | null = null;
  let closed = false;

  async function launch(): Promise<Browser> {
    try {
      await access(executablePath, constants.X_OK);
    } catch (error) {
      logger.warn({ err: error, executablePath }, 'no Chromium to render PDFs with');
      throw new ChromiumUnavailableError();
    }
    const launched = await puppeteer.launch({
      executablePath,
      headless: true,
      args: CHROMIUM_FLAGS,
      waitForInitialPage: false,
      // The server's own signals decide when it stops; Chromium is closed by dispose.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    logger.info({ executablePath, version: await launched.version() }, 'Chromium started for PDFs');
    return launched;
  }

  function currentBrowser(): Promise<Browser> {
    // A render that waited for its turn past close must not start a browser nobody will close.
    if (closed) return Promise.reject(new Error('the PDF renderer is closed'));
    if (browser) return browser;
    const starting = launch();
    browser = starting;
    starting.then(
      (started) =>
        started.once('disconnected', () => {
          // A crashed or killed browser is replaced by the next render, not by this one's caller.
          if (browser === starting) browser = null;
          if (!closed) logger.warn('Chromium for PDFs stopped; the next render starts it again');
        }),
      () => {
        // A failed start is retried by the next render: Chromium may be installed meanwhile.
        if (browser === starting) browser = null;
      },
    );
    return starting;
  }

  /** Opens a page, in a context of its own, that runs no script and reaches no network. */
  async function openPage(): Promise<OpenPage> {
    const context = await (await currentBrowser()).createBrowserContext();
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(timeoutMs);
      await page.setJavaScriptEnabled(false);
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        const file = request.method() === 'GET' ? files.get(request.url()) : undefined;
        if (file) {
          // Fonts are fetched with CORS from a document of no origin; cached by the page, so that
          // the passes of one pack decode each font once.
          const headers = { 'cache-control': 'max-age=86400', 'access-control-allow-origin': '*' };
          request
            .respond({ status: 200, contentType: 'font/woff2', headers, body: file })
            .catch((error: unknown) => logger.debug({ err: error }, 'could not answer a request of a PDF page'));
          return;
        }
        // The document is given whole but for those files: anything else it asks the network for
        // is a leak or a tracker.
        request.abort('blockedbyclient').catch((error: unknown) => {
          logger.debug({ err: error }, 'could not refuse a request of a PDF page');
        });
      });
      const render = async (html: string) => {
        await page.setContent(html, { waitUntil: 'load', timeout: timeoutMs });
        return page.pdf({
          preferCSSPageSize: true,
          printBackground: true,
          outline: true,
          tagged: true,
          timeout: timeoutMs,
        });
      };
      return { context, render };
    } catch (error) {
      await closeContext(context);
      throw error;
    }
  }

  async function closeContext(context: BrowserContext): Promise<void> {
    await context.close().catch((error: unknown) => {
      logger.debug({ err: error }, 'could not close a PDF browser context');
    });
  }

  // A page readied by warmUp, used by the next render only: never two documents in one context
  // but the passes of one pack. Settled, so that a failure waits for that render to report it.
  let spare: Promise<Settled<OpenPage>> | null = null;

  async function takePage(): Promise<OpenPage> {
    const ready = spare;
    spare = null;
    const settled = ready && (await ready);
    // A spare from a browser that died since, or that failed to open, is replaced by a new one.
    if (settled && 'value' in settled && settled.value.context.browser().connected) return settled.value;
    if (settled && 'value' in settled) await closeContext(settled.value.context);
    return openPage();
  }

  async function withPage<T>(work: (render: (html: string) => Promise<Uint8Array>) => Promise<T>): Promise<T> {
    if (closed) throw new Error('the PDF renderer is closed');
    const release = await slots.acquire();
    try {
      const { context, render } = await takePage();
      let timer: NodeJS.Timeout | undefined;
      const expired = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`rendering a PDF took longer than ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        return await Promise.race([work(render), expired]);
      } finally {
        clearTimeout(timer);
        // Closing the context also ends a render that lost the race.
        await closeContext(context);
      }
    } finally {
      release();
    }
  }

  return {
    render: (html) => withPage((render) => render(html)),
    withPage,
    warmUp() {
      if (closed || spare) return;
      spare = openPage().then(
        (value) => ({ value }),
        (error: unknown) => ({ error }),
      );
    },
    serves: (url) => files.has(url),
    async close() {
      closed = true;
      const ready = spare;
      spare = null;
      const settled = ready && (await ready);
      if (settled && 'value' in settled) await closeContext(settled.value.context);
      const running = browser;
      browser = null;
      if (!running) return;
      const started = await running.catch(() => null);
      await started?.close();
    },
  };
}

/** A page ready to render, and the incognito context that holds it (closed after use). */
type OpenPage = { context: BrowserContext; render: (html: string) => Promise<Uint8Array> };

/** The outcome of a promise, kept to be reported later. */
type Settled<T> = { value: T } | { error: unknown };

/** A counting semaphore: at most `size` holders at once, the others served in arrival order. */
function createSlots(size: number): { acquire(): Promise<() => void> } {
  let free = size;
  const waiting: Array<() => void> = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else free++;
  };
  return {
    acquire() {
      if (free > 0) {
        free--;
        return Promise.resolve(release);
      }
      return new Promise((resolve) => waiting.push(() => resolve(release)));
    },
  };
}
