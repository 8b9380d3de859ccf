import { API_ERROR, type ApiErrorCode } from '@plume/protocol';
import { ApiCallError } from '../api-client.ts';

/** A hidden same-origin frame that loads a print document and prints it from the page. */
export type PrintFrame = {
  /**
   * Loads `url` (a same-origin print document, which runs no script of its own) into the frame,
   * waits for its fonts, then opens the browser's print dialog on it. Rejects with an
   * `ApiCallError` when the server refused, or an `Error` when the page could not be read.
   */
  print(url: string): Promise<void>;
  /** Removes the frame. */
  dispose(): void;
};

/** Thrown when the frame loaded something that is neither the print document nor an API error. */
export class PrintFrameError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PrintFrameError';
  }
}

/** Creates the frame, appended to `parent` on first use; `title` is its accessible name. */
export function createPrintFrame(options: { parent: HTMLElement; title: string }): PrintFrame {
  let frame: HTMLIFrameElement | null = null;
  // Ends the wait of a print whose frame goes before it loaded, which would otherwise never end.
  let abandon: (() => void) | null = null;

  function dispose(): void {
    frame?.remove();
    frame = null;
    abandon?.();
    abandon = null;
  }

  async function print(url: string): Promise<void> {
    dispose();
    const element = document.createElement('iframe');
    element.className = 'print-frame';
    element.title = options.title;
    element.tabIndex = -1;
    element.setAttribute('aria-hidden', 'true');
    frame = element;
    const loaded = new Promise<void>((resolve) => {
      abandon = resolve;
      element.addEventListener('load', () => resolve(), { once: true });
    });
    element.src = url;
    options.parent.append(element);
    await loaded;
    // The frame may have been replaced or removed while it loaded.
    if (frame !== element) return;
    const printed = element.contentDocument;
    const view = element.contentWindow;
    if (!printed || !view) throw new PrintFrameError('the print page is not readable');
    if (printed.contentType !== 'text/html') throw refusalOf(printed.body?.textContent ?? '');
    // Printing before the embedded fonts are ready would print fallback fonts.
    await printed.fonts.ready;
    if (frame !== element) return;
    view.focus();
    view.print();
  }

  return { print, dispose };
}

/** The API error a refused print answered with, as the JSON API client would raise it. */
function refusalOf(body: string): Error {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    if (error instanceof SyntaxError) return new PrintFrameError('the print page is not a document');
    throw error;
  }
  const answer = (parsed as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  const code = typeof answer?.code === 'string' ? answer.code : null;
  if (code === null || !Object.hasOwn(API_ERROR, code)) return new PrintFrameError('the print page is not a document');
  const message = typeof answer?.message === 'string' ? answer.message : code;
  return new ApiCallError(API_ERROR[code as ApiErrorCode].status, code, message);
}
