import { EN } from './en.ts';
import { FR, type MessageKey, type Messages } from './fr.ts';

/** Languages Plume speaks; French is the default. */
export type Language = 'fr' | 'en';

/** Every language, in the order the language switch shows them. */
export const LANGUAGES: readonly Language[] = ['fr', 'en'];

const MESSAGES: Record<Language, Messages> = { fr: FR, en: EN };

/** A message that has a `.one` and an `.other` form, named without the suffix. */
export type CountedKey = { [K in MessageKey]: K extends `${infer Base}.one` ? Base : never }[MessageKey];

// Beyond this, "il y a 9 jours" reads worse than the date itself.
const RELATIVE_LIMIT_MS = 7 * 24 * 60 * 60 * 1000;
const RELATIVE_UNITS: ReadonlyArray<readonly [Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 24 * 60 * 60 * 1000],
  ['hour', 60 * 60 * 1000],
  ['minute', 60 * 1000],
];

/** Translates message keys and formats dates, numbers and lists in one language. */
export type Translator = {
  readonly language: Language;
  t(key: MessageKey, params?: Record<string, string | number>): string;
  /** The `.one` or `.other` form of `key` for `count`, with `{count}` formatted as a number. */
  tCount(key: CountedKey, count: number, params?: Record<string, string | number>): string;
  /** A date and time, short: "12 mars 2026, 14:05". */
  formatDateTime(iso: string): string;
  /** A date and time, spelled out: "12 mars 2026 à 14:05". */
  formatLongDateTime(iso: string): string;
  /** A date without its time: "12 mars 2026". */
  formatDate(iso: string): string;
  /** How long ago `iso` was ("à l’instant", "il y a 5 minutes", "hier"), or null when over a week ago or in the future. */
  formatRelative(iso: string, now?: number): string | null;
  formatNumber(value: number): string;
  /** Names joined as a sentence does: "Anne, Bruno et Chloé". */
  formatList(items: readonly string[]): string;
};

/** Creates the translator for a language. */
export function createTranslator(language: Language): Translator {
  const messages = MESSAGES[language];
  const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  const longDateTime = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short' });
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'long' });
  const relative = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  const number = new Intl.NumberFormat(language);
  const list = new Intl.ListFormat(language, { type: 'conjunction' });
  const plural = new Intl.PluralRules(language);
  const t: Translator['t'] = (key, params = {}) =>
    messages[key].replace(/\{(\w+)\}/g, (match, name: string) => String(params[name] ?? match));
  return {
    language,
    t,
    tCount(key, count, params = {}) {
      const form = plural.select(count) === 'one' ? 'one' : 'other';
      return t(`${key}.${form}` as MessageKey, { ...params, count: number.format(count) });
    },
    formatDateTime: (iso) => dateTime.format(new Date(iso)),
    formatLongDateTime: (iso) => longDateTime.format(new Date(iso)),
    formatDate: (iso) => date.format(new Date(iso)),
    formatRelative(iso, now = Date.now()) {
      const elapsed = now - Date.parse(iso);
      // A clock a little ahead of ours still means "just now".
      if (Number.isNaN(elapsed) || elapsed < -60_000 || elapsed > RELATIVE_LIMIT_MS) return null;
      for (const [unit, length] of RELATIVE_UNITS) {
        if (elapsed >= length) return relative.format(-Math.floor(elapsed / length), unit);
      }
      return t('time.justNow');
    },
    formatNumber: (value) => number.format(value),
    formatList: (items) => list.format(items),
  };
}

/**
 * The person's language: `?lang=` in the address when it names one, else the one they chose
 * before (`remembered`), else French.
 */
export function pickLanguage(search: string, remembered: string | null = null): Language {
  const requested = new URLSearchParams(search).get('lang');
  if (isLanguage(requested)) return requested;
  return isLanguage(remembered) ? remembered : 'fr';
}

/** Whether a value names one of Plume's languages. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
