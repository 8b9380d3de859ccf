import type { Translator } from '../i18n/translator.ts';
import { ApiCallError } from '../notes-api.ts';

/** Says in the person's language why an API call failed. */
export function describeApiError(error: unknown, i18n: Translator): string {
  if (error instanceof ApiCallError) {
    if (error.status === 0) return i18n.t('error.network');
    if (error.status >= 500) return i18n.t('error.server', { status: error.status });
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
