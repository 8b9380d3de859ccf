import { printNotePath } from '@plume/protocol';
import type { Translator } from '../i18n/translator.ts';
import { describeApiError } from '../views/describe-api-error.ts';
import { createPrintFrame, PrintFrameError } from './print-frame.ts';

/** Prints one note from the note page: its print document, in a hidden frame, never the page itself. */
export type NotePrinter = {
  /** Loads the note's print document and opens the print dialog; resolves to a message for the person when it failed. */
  print(): Promise<string | null>;
  dispose(): void;
};

/**
 * Creates the printer of a note: the print document comes from the server in the person's
 * language (no toolbar, no carets), and errors come back worded for them.
 */
export function createNotePrinter(options: { noteId: string; i18n: Translator; parent: HTMLElement }): NotePrinter {
  const { noteId, i18n, parent } = options;
  const frame = createPrintFrame({ parent, title: i18n.t('print.frameTitle') });
  return {
    async print() {
      try {
        await frame.print(printNotePath(noteId, { lang: i18n.language }));
        return null;
      } catch (error) {
        const reason = error instanceof PrintFrameError ? i18n.t('print.unreadable') : describeApiError(error, i18n);
        return i18n.t('print.failed', { reason });
      }
    },
    dispose: frame.dispose,
  };
}
