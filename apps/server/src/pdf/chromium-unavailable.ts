import { API_ERROR } from '@plume/protocol';
import { RefusalError } from '../refusal-error.ts';

/** What the person reads when the server has no Chromium to print with, in each language Plume speaks. */
export const PRINT_UNAVAILABLE_MESSAGE = {
  fr: 'Le serveur ne peut pas produire de PDF : Chromium n’est pas installé.',
  en: API_ERROR.printUnavailable.message,
} as const;

/** Refusal answered 503 `printUnavailable` when no Chromium can be started where the configuration says. */
export class ChromiumUnavailableError extends RefusalError {
  constructor(language: keyof typeof PRINT_UNAVAILABLE_MESSAGE = 'fr') {
    super('printUnavailable', PRINT_UNAVAILABLE_MESSAGE[language]);
    this.name = 'ChromiumUnavailableError';
  }
}
