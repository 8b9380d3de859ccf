import type { NoteStatus } from '@plume/protocol';
import { VERSION_NAME_TIME_ZONE } from '../versions/version-names.ts';
import type { PrintLanguage } from './print-types.ts';

/** The words a printed page carries, in one language. */
export type PrintWords = {
  status: Record<NoteStatus, string>;
  version: string;
  contents: string;
  preparedFor: string;
  noTheme: string;
  locale: string;
  /** Quotes around a version's name, e.g. « and ». */
  quotes: readonly [string, string];
  /** Before an unnamed version's date and time: "du" in "Version du 2 décembre 2026 à 14:30". */
  versionOf: string;
  changes: ChangesWords;
};

/** The words of a pack's page of changes since the last pack. */
export type ChangesWords = {
  heading: string;
  newNote: string;
  unchanged: string;
  lost: string;
  since: (pack: string, date: string) => string;
  tally: (name: string, inserted: number, deleted: number) => string;
  omitted: (count: number) => string;
  unknownAuthor: string;
  /** Someone who wrote through a share link, without an account. */
  guest: string;
};

const WORDS: Record<PrintLanguage, PrintWords> = {
  fr: {
    status: { draft: 'Brouillon', review: 'En relecture', validated: 'Validée', sent: 'Transmise' },
    version: 'Version',
    contents: 'Sommaire',
    preparedFor: 'À l’attention de',
    noTheme: 'Sans thème',
    locale: 'fr-FR',
    quotes: ['« ', ' »'],
    versionOf: 'du',
    changes: {
      heading: 'Modifié depuis le dernier dossier',
      newNote: 'Nouvelle note',
      unchanged: 'Inchangée',
      lost: 'La version imprimée dans le dossier précédent n’est plus conservée.',
      since: (pack, date) => `Depuis le dossier « ${pack} » du ${date}`,
      tally: (name, inserted, deleted) =>
        `${name} : ${inserted} caractère${inserted > 1 ? 's' : ''} ajouté${inserted > 1 ? 's' : ''}, ${deleted} supprimé${deleted > 1 ? 's' : ''}`,
      omitted: (count) =>
        `… et ${count} autre${count > 1 ? 's' : ''} passage${count > 1 ? 's' : ''} modifié${count > 1 ? 's' : ''}`,
      unknownAuthor: 'Auteur inconnu',
      guest: 'Invité',
    },
  },
  en: {
    status: { draft: 'Draft', review: 'In review', validated: 'Validated', sent: 'Sent' },
    version: 'Version',
    contents: 'Contents',
    preparedFor: 'For',
    noTheme: 'No theme',
    locale: 'en-GB',
    quotes: ['“', '”'],
    versionOf: 'of',
    changes: {
      heading: 'Changed since the last pack',
      newNote: 'New note',
      unchanged: 'Unchanged',
      lost: 'The version printed in the previous pack is no longer kept.',
      since: (pack, date) => `Since the pack “${pack}” of ${date}`,
      tally: (name, inserted, deleted) =>
        `${name}: ${inserted} character${inserted === 1 ? '' : 's'} inserted, ${deleted} deleted`,
      omitted: (count) => `… and ${count} more changed passage${count === 1 ? '' : 's'}`,
      unknownAuthor: 'Unknown author',
      guest: 'Guest',
    },
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

/** Longest version name printed in a title block, in characters; longer ones are cut. */
export const VERSION_NAME_PRINTED_MAX = 48;

/**
 * What follows the word "Version" for a frozen version: its name in quotes, cut to `max`
 * characters, or, for an unnamed one, "du 2 décembre 2026 à 14:30" in the time zone version
 * names are written in.
 */
export function frozenVersionLabel(
  version: { name: string | null; createdAt: string },
  language: PrintLanguage,
  max: number = VERSION_NAME_PRINTED_MAX,
): string {
  const words = WORDS[language];
  if (version.name !== null) {
    const characters = [...version.name];
    const name =
      characters.length <= max
        ? version.name
        : `${characters
            .slice(0, max - 1)
            .join('')
            .trimEnd()}…`;
    return `${words.quotes[0]}${name}${words.quotes[1]}`;
  }
  const when = new Intl.DateTimeFormat(words.locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: VERSION_NAME_TIME_ZONE,
  }).format(new Date(version.createdAt));
  return `${words.versionOf} ${when}`;
}
