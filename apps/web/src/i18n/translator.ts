import { EN } from './en.ts';
import { FR, type MessageKey, type Messages } from './fr.ts';

/** Languages Plume speaks; French is the default. */
export type Language = 'fr' | 'en';

const MESSAGES: Record<Language, Messages> = { fr: FR, en: EN };

/** Translates message keys and formats dates in one language. */
export type Translator = {
  readonly language: Language;
  t(key: MessageKey, params?: Record<string, string | number>): string;
  formatDateTime(iso: string): string;
};

/** Creates the translator for a language. */
export function createTranslator(language: Language): Translator {
  const messages = MESSAGES[language];
  const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  return {
    language,
    t(key, params = {}) {
      return messages[key].replace(/\{(\w+)\}/g, (match, name: string) => String(params[name] ?? match));
    },
    formatDateTime(iso) {
      return dateTime.format(new Date(iso));
    },
  };
}

/** The person's language: English when the address asks for `?lang=en`, French otherwise. */
export function pickLanguage(search: string): Language {
  const requested = new URLSearchParams(search).get('lang');
  return requested === 'en' ? 'en' : 'fr';
}
