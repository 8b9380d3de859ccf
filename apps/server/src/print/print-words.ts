import type { NoteStatus } from '@plume/protocol';
import type { PrintLanguage } from './print-types.ts';

/** The words a printed page carries, in one language. */
export type PrintWords = {
  status: Record<NoteStatus, string>;
  version: string;
  contents: string;
  preparedFor: string;
  noTheme: string;
  locale: string;
};

const WORDS: Record<PrintLanguage, PrintWords> = {
  fr: {
    status: { draft: 'Brouillon', review: 'En relecture', validated: 'Validée', sent: 'Transmise' },
    version: 'Version',
    contents: 'Sommaire',
    preparedFor: 'À l’attention de',
    noTheme: 'Sans thème',
    locale: 'fr-FR',
  },
  en: {
    status: { draft: 'Draft', review: 'In review', validated: 'Validated', sent: 'Sent' },
    version: 'Version',
    contents: 'Contents',
    preparedFor: 'For',
    noTheme: 'No theme',
    locale: 'en-GB',
  },
};

/** The printed words in `language`. */
export function printWords(language: PrintLanguage): PrintWords {
  return WORDS[language];
}

/** A date as printed in `language`, e.g. "2 décembre 2026". */
export function printedDate(date: Date, language: PrintLanguage): string {
  return new Intl.DateTimeFormat(WORDS[language].locale, { dateStyle: 'long' }).format(date);
}
