import { type Language, pickLanguage } from './translator.ts';

/** Where the browser remembers the language the person chose with the switch. */
export const LANGUAGE_STORAGE_KEY = 'plume.language';

/** The language to show: `?lang=` in `search`, else the one remembered in `storage`, else French. */
export function preferredLanguage(search: string, storage: Pick<Storage, 'getItem'>): Language {
  return pickLanguage(search, storage.getItem(LANGUAGE_STORAGE_KEY));
}

/**
 * Remembers the person's choice and returns `search` without its `?lang=`, which would otherwise
 * keep overriding the choice on this page.
 */
export function rememberLanguage(storage: Pick<Storage, 'setItem'>, language: Language, search: string): string {
  storage.setItem(LANGUAGE_STORAGE_KEY, language);
  const params = new URLSearchParams(search);
  params.delete('lang');
  const rest = params.toString();
  return rest ? `?${rest}` : '';
}
